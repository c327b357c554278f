// bcrypt is for passwords only: about 150 ms of CPU per hash or compare here, far too slow for tokens.
// bcryptjs's "async" API still runs on the event loop in 100 ms slices, which stalls every other request
// for that long; so the work runs in one worker thread, one job at a time, and the jobs take turns by client
// address (FairQueue), so that a burst from one address does not hold up everyone else's sign-in.
import { Worker } from "node:worker_threads";
import { FairQueue } from "./fair-queue";

const COST = 10;
// Compared against when the email is unknown, so that a miss takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$hTmXLpar6wG.VnO8HgezseygkkQxOTAip/3wHdPsR.kDnmkjjiWam";
// New passwords (an admin adding a person, a password change) take their turns under one key of their own.
const HASHING = "hashing";

// Inline source, so the bundler has no separate worker file to trace; `require` resolves from the app's folder.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ op, password, hash, cost }) => {
  try {
    const value = op === "hash" ? bcrypt.hashSync(password, cost) : bcrypt.compareSync(password, hash);
    parentPort.postMessage({ value });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
});`;

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
type Reply = { value?: string | boolean; error?: string };

const bcryptQueue = new FairQueue(1);
let worker: Worker | null = null;

function runInWorker(key: string, job: Job): Promise<string | boolean> {
  return bcryptQueue.run(
    key,
    () =>
      new Promise((resolve, reject) => {
        const thread = (worker ??= new Worker(WORKER_SOURCE, { eval: true }));
        thread.unref();
        const onError = (error: Error) => {
          worker = null;
          reject(error);
        };
        thread.once("error", onError);
        thread.once("message", (reply: Reply) => {
          thread.off("error", onError);
          if (reply.error !== undefined || reply.value === undefined) reject(new Error(reply.error ?? "bcrypt failed"));
          else resolve(reply.value);
        });
        thread.postMessage(job);
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  return String(await runInWorker(HASHING, { op: "hash", password, cost: COST }));
}

/** Compares in the turn of `clientAddress`, the address the attempt came from. */
export async function verifyPassword(
  password: string,
  hash: string | null | undefined,
  clientAddress: string,
): Promise<boolean> {
  const matches = (await runInWorker(clientAddress, { op: "compare", password, hash: hash ?? DUMMY_HASH })) === true;
  return matches && hash != null;
}

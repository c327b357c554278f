import { describe, expect, it } from "vitest";
import { FairQueue } from "./fair-queue";

/** Queues jobs that record when they start and finish once released; returns the start order and a release. */
function recorder(queue: FairQueue) {
  const started: string[] = [];
  const releases: Array<() => void> = [];
  const add = (key: string, name: string) =>
    queue.run(key, () => {
      started.push(name);
      return new Promise<string>((resolve) => releases.push(() => resolve(name)));
    });
  const releaseNext = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, add, releaseNext };
}

describe("FairQueue", () => {
  it("runs one job at a time, and each key's jobs in the order they came", async () => {
    const { started, add, releaseNext } = recorder(new FairQueue(1));
    const done = ["a1", "a2", "a3"].map((name) => add("a", name));
    expect(started).toEqual(["a1"]);
    for (let i = 0; i < 3; i++) await releaseNext();
    expect(started).toEqual(["a1", "a2", "a3"]);
    expect(await Promise.all(done)).toEqual(["a1", "a2", "a3"]);
  });

  it("serves the keys in turn: a burst from one key delays another's job by one of its jobs, not all", async () => {
    const { started, add, releaseNext } = recorder(new FairQueue(1));
    for (let i = 1; i <= 100; i++) void add("burst", `burst${i}`);
    void add("bystander", "bystander");
    void add("other", "other");
    for (let i = 0; i < 4; i++) await releaseNext();
    expect(started).toEqual(["burst1", "burst2", "bystander", "other", "burst3"]);
  });

  it("goes on after a job fails", async () => {
    const queue = new FairQueue(1);
    const failing = queue.run("a", () => Promise.reject(new Error("bcrypt failed")));
    const next = queue.run("a", async () => "ran");
    await expect(failing).rejects.toThrow("bcrypt failed");
    expect(await next).toBe("ran");
  });
});

// `npm run workspace -- <args>` (scripts/workspace.ts) as an operator runs it beside the servers under test, on
// the database the given settings name. Asynchronous, so that the test process goes on reading what its servers
// print while the command runs.
import { execFile } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type WorkspaceCliRun = { status: number | null; stdout: string; stderr: string };

export function runWorkspaceCli(args: string[], env: Record<string, string | undefined>): Promise<WorkspaceCliRun> {
  const cli = ["node_modules/tsx/dist/cli.mjs", "scripts/workspace.ts", ...args];
  return new Promise((resolve) => {
    const options = { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" as const, timeout: 120_000 };
    execFile(process.execPath, cli, options, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Its output; throws unless it succeeded. */
export async function workspaceCli(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const run = await runWorkspaceCli(args, env);
  if (run.status !== 0) throw new Error(`workspace ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}

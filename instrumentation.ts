// Next.js calls register() once per server process, while scripts/serve.mjs prepares the app, and runs it
// inside the app's own bundle. It hands the server what the server calls around Next.js: the lifecycle, the
// request guard and the requests answered before Next.js. The server cannot import them itself: that would be a second copy of lib/ beside the
// bundle's (docs/architecture.md, "The server process").
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { start, shutdown } = await import("@/lib/server/lifecycle");
  const { refuseRequest } = await import("@/lib/server/request-guard");
  const { answerBeforeNext } = await import("@/lib/server/fast-paths");
  const { PATHS_BEFORE_NEXT } = await import("@/lib/server/paths-before-next");
  const { workspaceOfRequest } = await import("@/lib/server/workspace-gate");
  const { WORKSPACE_HEADER } = await import("@/lib/workspaces/request");
  const hooks = {
    start,
    shutdown,
    refuseRequest,
    answerBeforeNext,
    pathsBeforeNext: PATHS_BEFORE_NEXT,
    workspaceOfRequest,
    workspaceHeader: WORKSPACE_HEADER,
  };
  Object.assign(globalThis, { [Symbol.for("tessera.server")]: hooks });
}

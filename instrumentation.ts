// Next.js calls register() once per server process, while scripts/serve.mjs prepares the app, and runs it
// inside the app's own bundle. It hands the server what the server calls around Next.js: the lifecycle and the
// request guard. The server cannot import them itself: that would be a second copy of lib/ beside the
// bundle's (docs/ARCHITECTURE.md, "The server process").
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { start, shutdown } = await import("@/lib/server/lifecycle");
  const { refuseRequest } = await import("@/lib/server/request-guard");
  Object.assign(globalThis, { [Symbol.for("tessera.server")]: { start, shutdown, refuseRequest } });
}

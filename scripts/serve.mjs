// The HTTP server (started by scripts/start.ts): Next.js behind a plain node:http server, for what Next.js's own
// server (`next start`) does not do.
// 1. The app's lifecycle, in the open: start() before listening (the periodic jobs), and after the drain
//    shutdown() (buffered token-use times written, the database closed), then exit. instrumentation.ts hands
//    both over from inside the app's bundle (lib/server/lifecycle.ts).
// 2. Requests Next.js cannot represent (a malformed path, a method it does not serve) and what Node.js cannot
//    parse at all get the contract's JSON error here, before Next.js (lib/server/request-guard.ts decides).
// 3. The client's address. Next fills X-Forwarded-For from the socket only when a request has none, so without
//    a proxy any client could choose the address its failures are counted against (or frame someone else's).
//    Unless TRUST_PROXY=true, the forwarding headers a client sent are replaced by what the socket says.
// 4. A drain on SIGTERM/SIGINT: stop accepting, finish every request already accepted, then shut down. Node's
//    own server.close() would also drop accepted connections whose request it has not parsed yet (so does
//    `next start`), and closeIdleConnections() counts a connection whose request has not arrived yet as idle:
//    under load those are requests in flight too. So: accept what the kernel has already queued (a short grace,
//    then one more turn of the event loop, whose poll accepts it), stop listening, answer what comes with
//    Connection: close, close the keep-alive connections that have answered a request and sit idle, and give a
//    connection that has not sent its first request until NEW_CONNECTION_GRACE_MS to send it.
// 5. The token checks that sit in front of every request of someone else's API (GET /v4/auth/verify) and a
//    script's "who am I" (GET /v4/people/current with a token) are answered here, before Next.js, by the app's
//    own code (lib/server/fast-paths.ts), handed over by instrumentation.ts like the lifecycle.
// 6. Workspaces (WORKSPACE_DOMAIN): the host name decides the workspace of every request but the health check
//    (lib/server/workspace-gate.ts); the server sets the header that names it (after deleting any the client
//    sent) or answers 404 workspace_not_found itself. next-auth then builds its URLs from the request's own host,
//    in the scheme given by `publicProtocol` unless a trusted proxy said otherwise.
// Plain JavaScript, so that the server process does not carry a TypeScript loader.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { Server as NetServer } from "node:net";
import path from "node:path";
import next from "next";

// The name `ps` and the benchmark (bench/measure.ts) know the server process by.
process.title = "tessera-server";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];
const DRAIN_TIMEOUT_MS = 25_000;
const LISTEN_GRACE_MS = 100;
const IDLE_GRACE_MS = 1_000;
const NEW_CONNECTION_GRACE_MS = 10_000;
const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

// Its options come from scripts/start.ts, which read them from the environment through lib/env.ts.
const { dev = false, port, hostname, trustProxy, distDir, publicProtocol } = JSON.parse(process.argv[2]);

const root = path.resolve(import.meta.dirname, "..");
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// instrumentation.ts's register() hands over the app's hooks. Next.js runs it within prepare() in development,
// but in production only at its first request: the server runs it first, from the very file Next.js loads, so
// the hooks work on the modules the routes use (running it twice hands over the same hooks).
if (!dev) await createRequire(import.meta.url)(path.join(root, distDir, "server", "instrumentation.js")).register();
const hooks = globalThis[Symbol.for("tessera.server")];
const WORKSPACE_HEADER = hooks.workspaceHeader;
hooks.start();

function sendError(response, status, error, headers = {}) {
  const body = JSON.stringify({ error });
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": NO_CONTENT_POLICY,
    "X-Content-Type-Options": "nosniff",
  });
  response.end(body);
}

// What Node.js cannot parse (headers over its 16 KB limit, a method it does not know, broken framing) never
// reaches the request handler; it gets the contract's JSON error instead of Node's bare status line.
function answerUnparsable(error, socket) {
  if (!socket.writable || error.code === "ECONNRESET") return socket.destroy();
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    error: tooLarge
      ? { code: "headers_too_large", message: "The request's headers are over 16 KB in total" }
      : { code: "invalid_request", message: "The request is not valid HTTP/1.1" },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

let draining = false;
// Each connection: whether a request is being answered on it, and how many it has answered.
const connections = new Map();
const server = createServer((request, response) => {
  const connection = connections.get(request.socket);
  if (connection) {
    connection.busy = true;
    response.once("close", () => {
      connection.busy = false;
      connection.answered++;
    });
  }
  if (draining) response.setHeader("Connection", "close");
  const refusal = hooks.refuseRequest(request.method, request.url);
  if (refusal) {
    request.resume();
    return sendError(response, refusal.status, { code: refusal.code, message: refusal.message }, refusal.headers);
  }
  if (!trustProxy) {
    for (const header of FORWARDING_HEADERS) delete request.headers[header];
    request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "unknown";
  } else {
    // A chain of proxies may list several hosts: the first is the one the client asked for, and the one host
    // every reader (the workspace gate, next-auth's URLs, the same-origin check) must agree on.
    const host = request.headers["x-forwarded-host"]?.split(",", 1)[0].trim();
    if (host) request.headers["x-forwarded-host"] = host;
    else delete request.headers["x-forwarded-host"];
  }
  const path = request.url.split("?", 1)[0];
  delete request.headers[WORKSPACE_HEADER];
  if (path === "/healthz") return void handle(request, response);
  void enterWorkspace(request, response, path);
});

const pathsBeforeNext = new Set(hooks.pathsBeforeNext);

// 6. The request's workspace, then the request itself: before Next.js (5) or by Next.js.
async function enterWorkspace(request, response, path) {
  let gate;
  try {
    gate = await hooks.workspaceOfRequest(path, request.headers);
  } catch (error) {
    console.error("Unexpected error:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return sendError(response, 500, { code: "internal_error", message: "Something went wrong on our side" });
  }
  if (gate.answer) {
    request.resume();
    return send(request, response, gate.answer);
  }
  request.headers[WORKSPACE_HEADER] = gate.workspaceId;
  if (publicProtocol && (!trustProxy || !request.headers["x-forwarded-proto"])) {
    request.headers["x-forwarded-proto"] = publicProtocol;
  }
  if (pathsBeforeNext.has(path)) return void answerBeforeNext(request, response, path);
  void handle(request, response);
}

function send(request, response, answer) {
  response.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
  response.end(request.method === "HEAD" ? undefined : answer.body);
}

// 5. The token checks answered before Next.js (lib/server/fast-paths.ts says which and why); anything they
// leave (null) goes on to Next.js.
async function answerBeforeNext(request, response, path) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  let answer;
  try {
    answer = await hooks.answerBeforeNext(request.method, path, headers);
  } catch (error) {
    console.error("Unexpected error:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return sendError(response, 500, { code: "internal_error", message: "Something went wrong on our side" });
  }
  if (!answer) return void handle(request, response);
  request.resume(); // a body nobody reads (these answers take none) must not hold the connection
  send(request, response, answer);
}

server.on("connection", (socket) => {
  connections.set(socket, { busy: false, answered: 0, since: Date.now() });
  socket.once("close", () => connections.delete(socket));
});

/** Closes the connections with nothing to do: idle after an answer, or silent past their grace. */
function closeIdle() {
  for (const [socket, { busy, answered, since }] of connections) {
    if (!busy && (answered > 0 || Date.now() - since > NEW_CONNECTION_GRACE_MS)) socket.destroy();
  }
}

function drain(signal) {
  if (draining) return;
  draining = true;
  const exitCode = signal === "SIGINT" ? 130 : 143;
  // A request that never ends must not keep the process alive for ever.
  setTimeout(() => stop(exitCode), DRAIN_TIMEOUT_MS).unref();
  setTimeout(
    () =>
      setImmediate(() => {
        NetServer.prototype.close.call(server, () => void app.close().finally(() => stop(exitCode)));
        setTimeout(() => setInterval(closeIdle, 250).unref(), IDLE_GRACE_MS).unref();
      }),
    LISTEN_GRACE_MS,
  );
}

let stopping;
function stop(exitCode) {
  stopping ??= hooks.shutdown().finally(() => process.exit(exitCode));
}

server.on("clientError", answerUnparsable);
process.on("SIGTERM", () => drain("SIGTERM"));
process.on("SIGINT", () => drain("SIGINT"));

server.listen(port, hostname, () => console.log(`Tessera is listening on http://${hostname}:${port}`));

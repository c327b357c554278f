// The API behind the proxy, as small as can be: it answers every request with what it received, so a test can
// see exactly which headers the proxy let through.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

export type Upstream = { port: number; received: Received[]; stop(): Promise<void> };

export async function startUpstream(): Promise<Upstream> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers };
    received.push(entry);
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json", "x-from-upstream": "yes" });
      response.end(JSON.stringify(entry));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

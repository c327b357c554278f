// Requests to the proxy from a loopback address of the test's choosing (127.0.0.x), so that a test can tell
// the client's address from the proxy's (127.0.0.1) in what Tessera recorded.
import { request } from "node:http";

export type ProxyResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

// Each request from an address of its own, so that one test's refusals never add up to a block for another.
let nextAddress = 10;
export const newClientAddress = (): string => `127.0.0.${nextAddress++}`;

export function viaProxy(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; from?: string; body?: string } = {},
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path ?? "/orders?page=2",
        localAddress: options.from ?? "127.0.0.1",
        headers: { Host: "api.example.com", ...options.headers },
        agent: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

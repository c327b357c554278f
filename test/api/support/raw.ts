// Requests that fetch cannot make: any method (TRACE included), the path exactly as given (no normalising of
// `..` or re-encoding), bodies sent in chunks, header values with any byte, and a time limit.
import http from "node:http";
import zlib from "node:zlib";
import { baseUrl } from "./client";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; body: unknown };
export type RawOptions = {
  headers?: Record<string, string | string[]>;
  /** One buffer is sent with a Content-Length; several are sent chunked, without one. */
  body?: Buffer | Buffer[];
  timeoutMs?: number;
};

export function raw(method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const url = new URL(baseUrl());
  const chunks = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body];
  const headers: Record<string, string | string[] | number> = { ...options.headers };
  if (!Array.isArray(options.body) && options.body !== undefined) headers["Content-Length"] = options.body.length;
  // Node.js frames a GET or DELETE body only when told to.
  if (Array.isArray(options.body)) headers["Transfer-Encoding"] = "chunked";
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      { host: url.hostname, port: url.port, method, path, headers, timeout: options.timeoutMs ?? 10_000 },
      (response) => {
        answered = true;
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("error", reject);
        // Cut off after the status line: a failure, not a hang (end and close both come after a whole answer).
        response.on("close", () => reject(new Error("the answer was cut off")));
        response.on("end", () => {
          let text: string;
          try {
            text = decode(Buffer.concat(parts), response.headers["content-encoding"]).toString("utf8");
          } catch (error) {
            reject(error);
            return;
          }
          const isJson = /^application\/json/i.test(response.headers["content-type"] ?? "");
          let body: unknown = text;
          try {
            if (isJson && request.method !== "HEAD") body = JSON.parse(text);
          } catch {
            // Left as text: a test that expects JSON says so.
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${method} ${path.slice(0, 80)} timed out`)));
    // A server may answer (413) and close before the whole body is sent: the answer is what counts.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

/** The body as the server meant it, for answers compressed because the request's Accept-Encoding allowed it. */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (body.length === 0) return body;
  if (encoding === "gzip") return zlib.gunzipSync(body);
  if (encoding === "br") return zlib.brotliDecompressSync(body);
  if (encoding === "deflate") return zlib.inflateSync(body);
  return body;
}

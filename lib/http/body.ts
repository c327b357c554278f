import { AppError, invalidRequest } from "@/lib/errors";
import { firstDuplicateKey } from "./duplicate-keys";
import { firstPrototypeKey } from "./prototype-keys";

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a JSON request body, refusing wrong content types, oversized bodies, bad UTF-8, bad JSON, repeated
 * keys and prototype keys with a 4xx.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readTextBody(request, JSON_TYPE, "as JSON with Content-Type: application/json", maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest("The request body is not valid JSON");
  }
  const repeated = firstDuplicateKey(text);
  if (repeated !== null) {
    const field = JSON.stringify(repeated.slice(0, 50));
    throw invalidRequest(`Request body: the field ${field} appears more than once`);
  }
  const prototypeKey = firstPrototypeKey(value);
  if (prototypeKey !== null) {
    throw invalidRequest(`Request body: the field "${prototypeKey}" is not allowed`);
  }
  return value;
}

/**
 * Reads an application/x-www-form-urlencoded body (RFC 7662 introspection takes one), with the same limits as
 * JSON; a parameter sent twice is a 400, as OAuth requires. Unknown parameters are left to the schema to ignore.
 */
export async function readFormBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, string>> {
  const text = await readTextBody(request, FORM_TYPE, "form-encoded (application/x-www-form-urlencoded)", maxBytes);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) {
      throw invalidRequest(`Request body: the field ${JSON.stringify(name.slice(0, 50))} appears more than once`);
    }
    fields[name] = value;
  }
  return fields;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** The body as UTF-8 text, after its content type and size are checked. */
async function readTextBody(request: Request, type: RegExp, sendAs: string, maxBytes: number): Promise<string> {
  if (!type.test(request.headers.get("content-type") ?? "")) {
    throw new AppError({ status: 415, code: "unsupported_media_type", message: `Send the body ${sendAs}` });
  }
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readLimited(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest("The request body is not valid UTF-8");
  }
}

// An oversized body is still read to its end (and dropped), up to this many times the limit, so that the
// connection can carry the next request: a body abandoned half-read left a keep-alive connection that the
// client reused and then saw reset (test/api/tokens-create.test.ts under load). Past that, the connection
// is closed instead, so that nobody can make the server read without end.
const DRAIN_FACTOR = 4;

function tooLarge(maxBytes: number, headers: Record<string, string> = {}): AppError {
  const message = `The request body must be at most ${maxBytes} bytes`;
  return new AppError({ status: 413, code: "payload_too_large", message, headers });
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes * DRAIN_FACTOR) throw tooLarge(maxBytes, { Connection: "close" });
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  return Buffer.concat(chunks);
}

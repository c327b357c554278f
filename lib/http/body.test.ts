import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES, readJsonBody } from "./body";

const ENDPOINT = "http://localhost/v4/apiAccessTokens";

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request(ENDPOINT, { method: "POST", headers, body });
}

/** A body that arrives in chunks and never says its length up front. */
function streamedRequest(chunks: Iterable<Uint8Array>): Request {
  const iterator = chunks[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  };
  return new Request(ENDPOINT, init);
}

async function appErrorFrom(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the body was accepted");
}

describe("readJsonBody", () => {
  it("returns the parsed JSON value", async () => {
    expect(await readJsonBody(jsonRequest('{"lifetimeSeconds":60,"description":"ci"}'))).toEqual({
      lifetimeSeconds: 60,
      description: "ci",
    });
    expect(await readJsonBody(jsonRequest("[1,2]"))).toEqual([1, 2]);
    expect(await readJsonBody(jsonRequest('"Zoë 🚀"'))).toBe("Zoë 🚀");
  });

  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    "Application/JSON",
    "application/merge-patch+json",
    "application/vnd.api+json",
  ])("accepts the content type %j", async (type) => {
    expect(await readJsonBody(jsonRequest("{}", { "content-type": type }))).toEqual({});
  });

  it.each([
    "text/plain",
    "text/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
    "application/json-seq",
    "application/xml",
  ])("refuses the content type %j with 415", async (type) => {
    const error = await appErrorFrom(readJsonBody(jsonRequest("{}", { "content-type": type })));
    expect(error.status).toBe(415);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toContain("application/json");
  });

  it("refuses a body without a content type with 415", async () => {
    const request = new Request(ENDPOINT, { method: "POST", body: new Uint8Array([0x7b, 0x7d]) });
    expect(request.headers.get("content-type")).toBeNull();
    const error = await appErrorFrom(readJsonBody(request));
    expect(error.status).toBe(415);
  });

  it("refuses a declared Content-Length over the limit with 413 before reading", async () => {
    const request = jsonRequest("{}", {
      "content-type": "application/json",
      "content-length": String(MAX_BODY_BYTES + 1),
    });
    const error = await appErrorFrom(readJsonBody(request));
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain(String(MAX_BODY_BYTES));
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a body over the limit with 413 when no length is declared", async () => {
    const big = JSON.stringify({ description: "x".repeat(MAX_BODY_BYTES) });
    const request = jsonRequest(big);
    expect(request.headers.get("content-length")).toBeNull();
    const error = await appErrorFrom(readJsonBody(request));
    expect(error.status).toBe(413);
  });

  it("refuses a body larger than its declared Content-Length claims, by counting streamed bytes", async () => {
    const request = jsonRequest(`"${"x".repeat(200)}"`, { "content-type": "application/json", "content-length": "10" });
    const error = await appErrorFrom(readJsonBody(request, 100));
    expect(error.status).toBe(413);
  });

  it("reads a somewhat oversized streamed body to its end, so that its connection can be reused", async () => {
    let sent = 0;
    function* chunks(): Generator<Uint8Array> {
      for (let i = 0; i < 10; i++) {
        sent += 1024;
        yield new Uint8Array(1024).fill(0x20);
      }
    }
    const error = await appErrorFrom(readJsonBody(streamedRequest(chunks()), 4096));
    expect(error.status).toBe(413);
    expect(error.headers).not.toHaveProperty("Connection");
    expect(sent).toBe(10 * 1024);
  });

  it("stops reading an endless streamed body, and closes its connection", async () => {
    let sent = 0;
    function* endless(): Generator<Uint8Array> {
      for (;;) {
        sent += 1024;
        yield new Uint8Array(1024).fill(0x20);
      }
    }
    const error = await appErrorFrom(readJsonBody(streamedRequest(endless()), 4096));
    expect(error.status).toBe(413);
    expect(error.headers).toMatchObject({ Connection: "close" });
    expect(sent).toBeLessThan(64 * 1024);
  });

  it("accepts a body of exactly the limit, in several chunks", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(50));
    const body = [chunk, chunk, new TextEncoder().encode(`${" ".repeat(48)}{}`)];
    expect(await readJsonBody(streamedRequest(body), 150)).toEqual({});
  });

  it("refuses invalid UTF-8 with 400", async () => {
    const bytes = new Uint8Array([0x22, 0xff, 0xfe, 0x22]);
    const error = await appErrorFrom(readJsonBody(jsonRequest(bytes)));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toBe("The request body is not valid UTF-8");
  });

  it("refuses a UTF-8 sequence cut off between chunks only when it is really incomplete", async () => {
    const encoded = new TextEncoder().encode('"é"');
    const split = [encoded.slice(0, 2), encoded.slice(2)];
    expect(await readJsonBody(streamedRequest(split))).toBe("é");
    const truncated = [encoded.slice(0, 2)];
    expect((await appErrorFrom(readJsonBody(streamedRequest(truncated)))).status).toBe(400);
  });

  it.each(["{", "{'a':1}", '{"a":1,}', "undefined", "", "   "])("refuses malformed JSON %j with 400", async (text) => {
    const error = await appErrorFrom(readJsonBody(jsonRequest(text)));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toBe("The request body is not valid JSON");
  });

  it("refuses a key repeated in one object with 400 naming it, as parsers disagree on which one wins", async () => {
    const error = await appErrorFrom(readJsonBody(jsonRequest('{"lifetimeSeconds":60,"lifetimeSeconds":-1}')));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toBe('Request body: the field "lifetimeSeconds" appears more than once');
  });

  it.each([
    ['{"lifetimeSeconds":60,"__proto__":{"isAdmin":true}}', "__proto__"],
    ['{"lifetimeSeconds":60,"options":{"constructor":{"prototype":{"isAdmin":true}}}}', "constructor"],
    ['[{"a":[{"prototype":1}]}]', "prototype"],
  ])("refuses a prototype key at any depth with 400 naming it (%s)", async (text, key) => {
    const error = await appErrorFrom(readJsonBody(jsonRequest(text)));
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toBe(`Request body: the field "${key}" is not allowed`);
  });

  it("keeps other unknown fields: the schema drops them", async () => {
    expect(await readJsonBody(jsonRequest('{"lifetimeSeconds":60,"name":"ci"}'))).toEqual({
      lifetimeSeconds: 60,
      name: "ci",
    });
  });

  it("refuses a missing body as invalid JSON with 400", async () => {
    const request = new Request(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" } });
    const error = await appErrorFrom(readJsonBody(request));
    expect(error.status).toBe(400);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hostileJson, prototypeSnapshot, runs } from "@/test/support/fast-check";
import { readJsonBody } from "./body";

const LIMIT = 2048;

/** Whether any object in the value has a __proto__, constructor or prototype key (JSON.stringify visits all). */
function hasPrototypeKey(value: unknown): boolean {
  let found = false;
  JSON.stringify(value, (key, inner: unknown) => {
    found ||= ["__proto__", "constructor", "prototype"].includes(key);
    return inner;
  });
  return found;
}

function request(body: Uint8Array<ArrayBuffer> | string, contentType: string | null, contentLength?: string): Request {
  const headers = new Headers();
  if (contentType !== null) headers.set("content-type", contentType);
  if (contentLength !== undefined) headers.set("content-length", contentLength);
  return new Request("http://localhost/v4/apiAccessTokens", { method: "POST", headers, body });
}

/** The body's value, or the status of the AppError it was refused with; anything else thrown fails the test. */
async function outcome(req: Request): Promise<{ value: unknown } | { status: number }> {
  try {
    return { value: await readJsonBody(req, LIMIT) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return { status: error.status };
  }
}

const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/merge-patch+json",
];
const contentType = fc.oneof(
  fc.constantFrom(
    ...JSON_TYPES,
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    "",
  ),
  fc.constant(null),
  fc.string({ unit: "binary-ascii", maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ minLength: LIMIT - 5, maxLength: LIMIT + 5 }),
  hostileJson().map((v) => new TextEncoder().encode(JSON.stringify(v))),
);

describe("readJsonBody (properties)", () => {
  it("for any bytes and content type: the JSON value, or a 400, 413 or 415, never another failure", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, contentType, async (body, type) => {
        const before = prototypeSnapshot();
        const result = await outcome(request(body, type));
        if ("status" in result) expect([400, 413, 415]).toContain(result.status);
        if (body.byteLength > LIMIT && JSON_TYPES.includes(type ?? "")) expect(result).toEqual({ status: 413 });
        expect(prototypeSnapshot()).toEqual(before);
      }),
      runs(150),
    );
  });

  it("gives back any JSON value sent within the limit, also after a byte order mark, unless it has a prototype key", async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson(), fc.boolean(), async (value, bom) => {
        const text = `${bom ? "\ufeff" : ""}${JSON.stringify(value)}`;
        fc.pre(new TextEncoder().encode(text).byteLength <= LIMIT);
        const expected = hasPrototypeKey(value) ? { status: 400 } : { value };
        expect(await outcome(request(text, "application/json"))).toEqual(expected);
      }),
      runs(200),
    );
  });

  it("refuses with 413 whatever Content-Length claims, once the bytes pass the limit", async () => {
    const claim = fc.oneof(
      fc.constant(undefined),
      fc.nat({ max: LIMIT * 2 }).map(String),
      fc.constantFrom("-1", "abc", "1e3", " 10", "99999999999999999999"),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: LIMIT + 1, max: LIMIT * 3 }), claim, async (size, length) => {
        const result = await outcome(request(`"${"x".repeat(size)}"`, "application/json", length));
        expect(result).toEqual({ status: 413 });
      }),
      runs(100),
    );
  });
});

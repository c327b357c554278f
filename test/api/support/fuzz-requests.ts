// What the live fuzz run sends, as fast-check arbitraries. Requests are descriptions, not values: credentials
// and the victim token appear as placeholders, filled in only when sent, so a printed request (the failure
// report, fast-check's counterexample) never carries a real secret.
import fc from "fast-check";
import { hostileJson, nested } from "@/test/support/fast-check";

type Json = Record<string, unknown>;
export type JsonSchema = Json & { type?: string; properties?: Record<string, JsonSchema>; required?: string[] };

/** One documented operation, read from the OpenAPI document. */
export type DocumentedOperation = {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  body?: JsonSchema;
};

export const VICTIM_TOKEN = "<victim-token-value>";
export type Who = "user" | "admin";

export type AuthSpec =
  | { kind: "none" }
  | { kind: "token"; who: Who }
  | { kind: "mutated-token"; who: Who; at: number; char: string }
  | { kind: "deleted-token" }
  | { kind: "basic"; email: string; password: string }
  | { kind: "basic-known-email"; who: Who; password: string }
  | { kind: "raw"; value: string };

export type BodySpec =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "chunked"; text: string; chunks: number };

export type FuzzRequest = {
  method: string;
  /** The path with `{param}` placeholders left in; `params` fills them (already URL-encoded or not, on purpose). */
  path: string;
  params: Record<string, string>;
  query: string;
  auth: AuthSpec;
  contentType: string | null;
  body: BodySpec;
  headers: Record<string, string>;
  /** Index of the forwarded-for address, so each request counts against its own throttle key. */
  address: number;
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const ODD_METHODS = ["TRACE", "PROPFIND", "PURGE", "LOCK"];
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const printable = fc.string({ unit: "grapheme-ascii", maxLength: 30 });
const anyText = fc.string({ unit: "binary", maxLength: 60 });

/** Values for a path parameter: known ids (filled in later), random ids, and absurd ones. */
function paramValue(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...BASE62), minLength: 16, maxLength: 16 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: anyText.map(encodeURIComponent) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "%00",
        "%ff",
        "%",
        "%E0%A4%A",
        "%c0%ae%c0%ae",
        "%ED%A0%80",
        "..%2F..%2Fpeople",
        "%2e%2e",
        "a".repeat(3000),
        "%F0%9F%99%82",
        "current",
        "revoke",
        "-1",
        "null",
      ),
    },
  );
}

/** A mostly valid value for a JSON Schema, sometimes slightly off (too long, wrong type, unknown key). */
export function fromSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(properties).map(([key, inner]) =>
        fc.option(fromSchema(inner), { nil: undefined, freq: required.has(key) ? 10 : 2 }).map((v) => [key, v]),
      );
      const extra = fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "id", "userId", "x"), printable), {
        freq: 8,
      });
      return fc.tuple(fc.tuple(...fields), extra).map(([pairs, more]) => {
        const object: Json = {};
        for (const [key, value] of pairs as [string, unknown][]) if (value !== undefined) object[key] = value;
        if (more) Object.defineProperty(object, more[0], { value: more[1], enumerable: true });
        return object;
      });
    }
    case "integer":
      return fc.oneof(
        fc.constantFrom(-1, 0, 1, 2, 60, 3600, 86_400, 365, 36_500, 36_501, 3_153_600_000, 3_153_600_001),
        fc.integer(),
        fc.double(),
        fc.constant("60"),
      );
    case "boolean":
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, fc.constantFrom("true", 0, 1, null));
    case "string": {
      const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : 80;
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: Math.min(maxLength, 40) }),
        },
        // Any code point, control characters and NUL included (PostgreSQL cannot store a NUL).
        {
          weight: 2,
          arbitrary: fc.string({ unit: "binary", minLength: Number(schema.minLength ?? 0), maxLength: 20 }),
        },
        { weight: 2, arbitrary: fc.emailAddress() },
        { weight: 1, arbitrary: fc.constant(VICTIM_TOKEN) },
        { weight: 1, arbitrary: anyText },
        { weight: 1, arbitrary: fc.constant("x".repeat(maxLength + 1)) },
        { weight: 1, arbitrary: fc.constantFrom(null, 42, [], {}) },
      );
    }
    default:
      return hostileJson();
  }
}

/**
 * A value meeting the JSON Schema and, for the fields whose rules the schema cannot say (a zod refinement),
 * the usual values of such a field: so that well-formed requests also reach the success paths.
 */
export function validFromSchema(schema: JsonSchema, key = ""): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case "object": {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties ?? {}).map(([name, inner]) => {
        const value = validFromSchema(inner, name);
        return (required.has(name) ? value : fc.option(value, { nil: undefined, freq: 2 })).map((v) => [name, v]);
      });
      return fc
        .tuple(...fields)
        .map((pairs) => Object.fromEntries((pairs as [string, unknown][]).filter(([, v]) => v !== undefined)));
    }
    case "integer":
      return fc.constantFrom(1, 30, 60, 365, 3600, 86_400);
    case "boolean":
      return fc.boolean();
    case "string":
      if (/email/i.test(key)) return fc.stringMatching(/^[a-z][a-z0-9]{2,12}@example\.test$/);
      if (/password/i.test(key)) return fc.stringMatching(/^[A-Za-z0-9]{12,20}$/);
      if (key === "tokenValue") return fc.constant(VICTIM_TOKEN);
      return fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,30}[A-Za-z0-9]$/);
    default:
      return fc.constant(null);
  }
}

function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<BodySpec> {
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): BodySpec => ({ kind: "json", value: v }));
  return fc.oneof(
    { weight: schema ? 8 : 1, arbitrary: json(schema ? fromSchema(schema) : hostileJson()) },
    { weight: 3, arbitrary: json(hostileJson(Object.keys(schema?.properties ?? {}))) },
    { weight: 2, arbitrary: fc.constant<BodySpec>({ kind: "none" }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes): BodySpec => ({ kind: "bytes", bytes })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "[".repeat(5000) + "]".repeat(5000),
          JSON.stringify(nested(2000)),
          '{"a":1,"a":2}',
          "\ufeff{}",
          "{",
          "",
          "null",
          `"${"x".repeat(17_000)}"`,
        )
        .map((text): BodySpec => ({ kind: "text", text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("{}", `{"x":"${"y".repeat(20_000)}"}`), fc.integer({ min: 2, max: 8 }))
        .map(([text, chunks]): BodySpec => ({ kind: "chunked", text, chunks })),
    },
  );
}

const auth: fc.Arbitrary<AuthSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Who>("user", "admin").map((who): AuthSpec => ({ kind: "token", who })) },
  { weight: 2, arbitrary: fc.constant<AuthSpec>({ kind: "none" }) },
  { weight: 1, arbitrary: fc.constant<AuthSpec>({ kind: "deleted-token" }) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        who: fc.constantFrom<Who>("user", "admin"),
        at: fc.nat({ max: 80 }),
        char: fc.constantFrom("A", "_", " ", "é"),
      })
      .map((r): AuthSpec => ({ kind: "mutated-token", ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ email: fc.oneof(printable, fc.emailAddress(), anyText), password: printable })
      .map((r): AuthSpec => ({ kind: "basic", ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ who: fc.constantFrom<Who>("user", "admin"), password: printable })
      .map((r): AuthSpec => ({ kind: "basic-known-email", ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string({ unit: "grapheme-ascii", maxLength: 100 }),
        fc.constantFrom(
          "Bearer",
          "Bearer ",
          "Basic",
          "Basic !!!",
          "Basic Og==",
          "Digest x",
          "bearer tsr_",
          "Bearer a b",
        ),
        printable.map((s) => `Bearer ${s}`),
        printable.map((s) => `Basic ${Buffer.from(s).toString("base64")}`),
        fc.integer({ min: 4000, max: 6000 }).map((n) => `Bearer ${"t".repeat(n)}`),
      )
      .map((value): AuthSpec => ({ kind: "raw", value })),
  },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      "application/json; charset=utf-8",
      "application/merge-patch+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json, text/plain",
      "application/jsonp",
      "",
    ),
  },
  { weight: 1, arbitrary: printable },
);

const query = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("limit", "offset", "limit[]", "page"),
        fc.oneof(
          fc.constantFrom(
            "1",
            "25",
            "100",
            "101",
            "0",
            "-1",
            "1e2",
            "NaN",
            "Infinity",
            "%ff",
            "",
            "99999999999999999999",
          ),
          printable.map(encodeURIComponent),
        ),
      )
      .map(([key, value]) => `?${key}=${value}`),
  },
  { weight: 1, arbitrary: printable.map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}&limit=1&limit=2`) },
);

const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { Cookie: "next-auth.session-token=garbage" },
      { Origin: "https://evil.example" },
      { "X-HTTP-Method-Override": "DELETE" },
      { "Content-Encoding": "gzip" },
      { Accept: "text/html" },
      { "Accept-Encoding": "br, gzip, deflate, zstd, identity;q=0, *;q=0" },
      { Range: "bytes=0-1" },
      { "If-None-Match": "*" },
      { "X-Padding": "x".repeat(8000) },
      { "X-Latin1": "caf\u00e9\u00ff" },
    ),
  },
);

/** A request to a documented operation, a variation of its path, or somewhere undocumented under /v4. */
export function fuzzRequest(operations: DocumentedOperation[], knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  // Well-formed: the documented method and path, a known id, a token, JSON, and a valid body.
  const wellFormed = fc.constantFrom(...operations).chain((op) =>
    fc.record({
      method: fc.constant(op.method),
      path: fc.constant(op.path),
      params: fc.record(Object.fromEntries(op.pathParams.map((name) => [name, fc.constantFrom(...knownIds)]))),
      query: fc.constant(""),
      body: op.body
        ? validFromSchema(op.body).map((value): BodySpec => ({ kind: "json", value }))
        : fc.constant<BodySpec>({ kind: "none" }),
      auth: fc.constantFrom<Who>("user", "admin").map((who): AuthSpec => ({ kind: "token", who })),
      contentType: fc.constant("application/json"),
      headers: fc.constant({}),
    }),
  );
  const documented = fc.constantFrom(...operations).chain((op) =>
    fc.record({
      method: fc.oneof({ weight: 8, arbitrary: fc.constant(op.method) }, fc.constantFrom(...METHODS, ...ODD_METHODS)),
      path: fc.oneof(
        { weight: 8, arbitrary: fc.constant(op.path) },
        fc.constantFrom(`${op.path}/`, `${op.path}/extra`, op.path.toUpperCase(), `/${op.path}`, `${op.path}%2F`),
      ),
      params: fc.record(Object.fromEntries(op.pathParams.map((name) => [name, paramValue(knownIds)]))),
      query: op.queryParams.length ? query : fc.constant(""),
      body: bodyFor(op.body),
    }),
  );
  const elsewhere = fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc
      .array(
        fc.oneof(anyText.map(encodeURIComponent), fc.constantFrom("v4", "people", "apiAccessTokens", "..", "%ff")),
        {
          maxLength: 4,
        },
      )
      .map((segments) => `/v4/${segments.join("/")}`),
    params: fc.constant({}),
    query,
    body: bodyFor(undefined),
  });
  const fuzzed = fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: documented }, { weight: 1, arbitrary: elsewhere }),
      auth,
      contentType,
      oddHeaders,
    )
    .map(([target, a, type, headers]) => ({ ...target, auth: a, contentType: type, headers }));
  return fc
    .tuple(fc.oneof({ weight: 1, arbitrary: wellFormed }, { weight: 4, arbitrary: fuzzed }), fc.nat({ max: 65_535 }))
    .map(([request, address]) => ({ ...request, address }));
}

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DAY_SECONDS } from "@/lib/tokens/policy";
import {
  createAccessTokenSchema,
  generateTokenFormSchema,
  MAX_DESCRIPTION_LENGTH,
  MAX_LIFETIME_DAYS,
} from "./access-token";

type Issue = { path: string; message: string };

/** Every problem zod reports, as "field path" and message; the first one is what a 400 response shows. */
function issuesOf(schema: z.ZodType, input: unknown): Issue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const MAX_LIFETIME_SECONDS = MAX_LIFETIME_DAYS * DAY_SECONDS;

describe("createAccessTokenSchema", () => {
  it("says lifetimeSeconds is required when it is missing", () => {
    expect(issuesOf(createAccessTokenSchema, {})).toEqual([{ path: "lifetimeSeconds", message: "is required" }]);
    expect(issuesOf(createAccessTokenSchema, { description: "ci" })).toEqual([
      { path: "lifetimeSeconds", message: "is required" },
    ]);
  });

  it.each([
    [0, "must be a positive number of seconds, or -1 for a non-expiring token"],
    [-2, "must be a positive number of seconds, or -1 for a non-expiring token"],
    [1.5, "must be a whole number of seconds"],
    ["10", "must be a number"],
    [null, "must be a number"],
    [true, "must be a number"],
    [Number.NaN, "must be a number"],
    [MAX_LIFETIME_SECONDS + 1, `must be at most ${MAX_LIFETIME_SECONDS} seconds`],
  ])("refuses lifetimeSeconds %j with a message naming the field", (lifetimeSeconds, message) => {
    const issues = issuesOf(createAccessTokenSchema, { lifetimeSeconds });
    expect(issues[0]).toEqual({ path: "lifetimeSeconds", message });
  });

  it("accepts -1, 1 and the hundred-year maximum", () => {
    for (const lifetimeSeconds of [-1, 1, 3600, MAX_LIFETIME_SECONDS]) {
      expect(createAccessTokenSchema.parse({ lifetimeSeconds })).toEqual({
        lifetimeSeconds,
        description: "",
        scopes: ["api"],
      });
    }
  });

  it("defaults the description to an empty string and trims it", () => {
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60 }).description).toBe("");
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, description: "  CI deploy  " }).description).toBe(
      "CI deploy",
    );
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, description: "Zoë’s 🚀 job" }).description).toBe(
      "Zoë’s 🚀 job",
    );
  });

  it("refuses a description over 255 characters, counting after trimming", () => {
    expect(issuesOf(createAccessTokenSchema, { lifetimeSeconds: 60, description: "x".repeat(256) })).toEqual([
      { path: "description", message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` },
    ]);
    const padded = `  ${"x".repeat(255)}  `;
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, description: padded }).description).toHaveLength(255);
  });

  it.each([
    ["a\u0000b", "must not contain control characters (U+0000)"],
    ["line\nbreak", "must not contain control characters (U+000A)"],
    ["tab\there", "must not contain control characters (U+0009)"],
    ["esc\u001b[31m", "must not contain control characters (U+001B)"],
    ["del\u007f", "must not contain control characters (U+007F)"],
    ["c1\u0085", "must not contain control characters (U+0085)"],
    ["invoice\u202Egpj.exe", "must not contain invisible or direction-changing characters (U+202E)"],
    ["zero\u200Bwidth", "must not contain invisible or direction-changing characters (U+200B)"],
    ["line\u2028separator", "must not contain line or paragraph separators (U+2028)"],
    ["lone \uD800", "must not contain unpaired surrogates (U+D800)"],
    ["non\uFFFFcharacter", "must not contain noncharacters (U+FFFF)"],
  ])("refuses text that lies about itself inside the description (%j)", (description, message) => {
    expect(issuesOf(createAccessTokenSchema, { lifetimeSeconds: 60, description })).toEqual([
      { path: "description", message },
    ]);
  });

  it("accepts emoji sequences joined with U+200D", () => {
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, description: "👩‍💻 laptop" }).description).toBe(
      "👩‍💻 laptop",
    );
  });

  it("refuses a description that is not a string", () => {
    expect(issuesOf(createAccessTokenSchema, { lifetimeSeconds: 60, description: 5 })).toEqual([
      { path: "description", message: "must be a string" },
    ]);
  });

  it("takes scopes: known ones once each in a fixed order; an unknown one, an empty list or not a list is refused, named", () => {
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, scopes: ["read_api"] }).scopes).toEqual(["read_api"]);
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, scopes: ["read_api", "api", "api"] }).scopes).toEqual([
      "api",
      "read_api",
    ]);
    const problem = (scopes: unknown) => issuesOf(createAccessTokenSchema, { lifetimeSeconds: 60, scopes })[0];
    expect(problem(["write"])).toEqual({
      path: "scopes",
      message: 'unknown scope "write"; the scopes are api, read_api',
    });
    expect(problem([{ not: "x" }])?.message).toBe("unknown scope (an object); the scopes are api, read_api");
    expect(problem([]).message).toBe("must name at least one scope (api, read_api)");
    expect(problem("api").message).toBe("must be a list of scope names (api, read_api)");
  });

  it("ignores unknown fields: they are dropped, never reaching the handler", () => {
    expect(createAccessTokenSchema.parse({ lifetimeSeconds: 60, name: "ci", x: 1 })).toEqual({
      lifetimeSeconds: 60,
      description: "",
      scopes: ["api"],
    });
    expect(
      createAccessTokenSchema.parse({ lifetimeSeconds: 60, tokenId: "a", expiresAt: "b", userId: "someone" }),
    ).toEqual({ lifetimeSeconds: 60, description: "", scopes: ["api"] });
  });

  it.each([null, [], "lifetimeSeconds=60", 60, true])("refuses a body that is not an object (%j)", (body) => {
    expect(issuesOf(createAccessTokenSchema, body)).toEqual([{ path: "", message: "must be a JSON object" }]);
  });
});

describe("generateTokenFormSchema", () => {
  const form = (lifetimeDays: string, description = "") => ({ lifetimeDays, description });

  it.each([
    ["", "Enter a number of days"],
    ["   ", "Enter a number of days"],
    ["abc", "Enter a whole number of days, or -1 for a non-expiring token"],
    ["1.5", "Enter a whole number of days, or -1 for a non-expiring token"],
    ["1e3", "Enter a whole number of days, or -1 for a non-expiring token"],
    ["0", "must be a positive number of days, or -1 for a non-expiring token"],
    ["-2", "must be a positive number of days, or -1 for a non-expiring token"],
    [String(MAX_LIFETIME_DAYS + 1), `must be at most ${MAX_LIFETIME_DAYS} days`],
  ])("refuses lifetimeDays %j", (lifetimeDays, message) => {
    expect(issuesOf(generateTokenFormSchema, form(lifetimeDays))[0]).toEqual({ path: "lifetimeDays", message });
  });

  it.each([
    ["30", 30],
    [" 30 ", 30],
    ["-1", -1],
    ["1", 1],
    [String(MAX_LIFETIME_DAYS), MAX_LIFETIME_DAYS],
  ])("turns lifetimeDays %j into the number %d", (lifetimeDays, expected) => {
    expect(generateTokenFormSchema.parse(form(lifetimeDays))).toEqual({
      lifetimeDays: expected,
      description: "",
      access: "read_write",
    });
  });

  it("trims the description and refuses control, invisible and direction-changing characters in it", () => {
    expect(generateTokenFormSchema.parse(form("30", "  laptop ")).description).toBe("laptop");
    expect(issuesOf(generateTokenFormSchema, form("30", "a\u0007b"))).toEqual([
      { path: "description", message: "must not contain control characters (U+0007)" },
    ]);
    expect(issuesOf(generateTokenFormSchema, form("30", "invoice\u202Egpj.exe"))).toEqual([
      { path: "description", message: "must not contain invisible or direction-changing characters (U+202E)" },
    ]);
  });
});

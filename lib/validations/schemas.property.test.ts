// Every request body schema against arbitrary input: it accepts only values that meet its documented
// constraints, refuses everything else with issues that name a field, never throws, and never lets a
// prototype key reach Object.prototype. Valid bodies generated from the constraints are always accepted, and
// unknown fields are dropped (docs/api.md, Compatibility); prototype keys are refused before, by readJsonBody.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/validate";
import { DAY_SECONDS } from "@/lib/tokens/policy";
import { hostileJson, hostileKey, nested, prototypeSnapshot, runs } from "@/test/support/fast-check";
import { holdsRefusedCharacter, ordinaryText, suspectText } from "@/test/support/unicode";
import {
  createAccessTokenSchema,
  generateTokenFormSchema,
  MAX_DESCRIPTION_LENGTH,
  MAX_LIFETIME_DAYS,
  revokeAccessTokenSchema,
} from "./access-token";
import { changePasswordSchema, createPersonSchema, updatePersonSchema } from "./people";
import { updateWorkspaceSettingsSchema } from "./workspace-settings";

type Output = Record<string, unknown>;
type Case = {
  name: string;
  schema: z.ZodType;
  fields: string[];
  /** The documented constraints, written independently of the schema. */
  satisfies: (output: Output) => boolean;
  /** Inputs that meet the constraints, and what the schema should make of them. */
  valid: fc.Arbitrary<{ input: Output; output: Output }>;
};

// Documented constraints, as predicates.
const isBoolean = (v: unknown) => typeof v === "boolean";
const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isLifetime = (v: unknown, max: number) => v === -1 || isInt(v, 1, max);
const isCleanText = (v: unknown, min: number, max: number) =>
  typeof v === "string" && v === v.trim() && v.length >= min && v.length <= max && !holdsRefusedCharacter(v);
const isName = (v: unknown) => isCleanText(v, 1, 100);
const isPassword = (v: unknown) => typeof v === "string" && v.length >= 8 && new TextEncoder().encode(v).length <= 72;
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const onlyKeys = (output: Output, fields: string[]) => Object.keys(output).every((k) => fields.includes(k));
const SCOPE_ORDER = ["api", "read_api"];
/** Scopes as stored and answered: known names, at least one, once each, in a fixed order. */
const isScopeList = (v: unknown) =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every(
    (scope, i) =>
      SCOPE_ORDER.includes(scope as string) && (i === 0 || SCOPE_ORDER.indexOf(v[i - 1]) < SCOPE_ORDER.indexOf(scope)),
  );
const EMAIL = /^[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

// Valid values, generated from the same constraints.
const space = fc.constantFrom("", " ", "  ", "\u00a0");
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(space, text, space).map(([a, s, b]) => ({ raw: `${a}${s}${b}`, clean: s }));
const cleanText = (min: number, max: number) =>
  fc
    .oneof(fc.string({ unit: "grapheme", minLength: min, maxLength: max }), ordinaryText(max), suspectText(max))
    .map((s) => s.trim())
    .filter((s) => s.length >= min && s.length <= max && !holdsRefusedCharacter(s));
const lifetime = (max: number) => fc.oneof(fc.constant(-1), fc.integer({ min: 1, max }));
const password = fc
  .string({ unit: "grapheme", minLength: 8, maxLength: 40 })
  .filter((s) => s.length >= 8 && new TextEncoder().encode(s).length <= 72);
const emailAddress = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_+-]([A-Za-z0-9_'+-]{0,10}[A-Za-z0-9_+-])?$/),
    fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[A-Za-z]{2,6}$/),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join(".")}.${tld}`);
/** Drops the keys whose value is undefined, as an optional field left out. */
const defined = (o: Output) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const scopeList = fc.array(fc.constantFrom<string>("api", "read_api"), { minLength: 1, maxLength: 4 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const MAX_LIFETIME_SECONDS = MAX_LIFETIME_DAYS * DAY_SECONDS;

const cases: Case[] = [
  {
    name: "createAccessTokenSchema (POST /v4/apiAccessTokens)",
    schema: createAccessTokenSchema,
    fields: ["lifetimeSeconds", "description", "scopes"],
    satisfies: (o) =>
      isLifetime(o.lifetimeSeconds, MAX_LIFETIME_SECONDS) &&
      isCleanText(o.description, 0, MAX_DESCRIPTION_LENGTH) &&
      isScopeList(o.scopes),
    valid: fc
      .tuple(lifetime(MAX_LIFETIME_SECONDS), maybe(padded(cleanText(0, MAX_DESCRIPTION_LENGTH))), maybe(scopeList))
      .map(([lifetimeSeconds, d, scopes]) => ({
        input: defined({ lifetimeSeconds, description: d?.raw, scopes }),
        output: {
          lifetimeSeconds,
          description: d?.clean ?? "",
          scopes: scopes ? SCOPE_ORDER.filter((scope) => scopes.includes(scope)) : ["api"],
        },
      })),
  },
  {
    name: "revokeAccessTokenSchema (POST /v4/apiAccessTokens/revoke)",
    schema: revokeAccessTokenSchema,
    fields: ["tokenValue"],
    satisfies: (o) => typeof o.tokenValue === "string",
    valid: fc.string({ unit: "binary" }).map((tokenValue) => ({ input: { tokenValue }, output: { tokenValue } })),
  },
  {
    name: "generateTokenFormSchema (the Generate New Token dialog)",
    schema: generateTokenFormSchema,
    fields: ["lifetimeDays", "description", "access"],
    satisfies: (o) =>
      onlyKeys(o, ["lifetimeDays", "description", "access"]) &&
      isLifetime(o.lifetimeDays, MAX_LIFETIME_DAYS) &&
      isCleanText(o.description, 0, MAX_DESCRIPTION_LENGTH) &&
      (o.access === "read_write" || o.access === "read_only"),
    valid: fc
      .tuple(
        lifetime(MAX_LIFETIME_DAYS),
        fc.constantFrom("", " "),
        padded(cleanText(0, MAX_DESCRIPTION_LENGTH)),
        maybe(fc.constantFrom("read_write", "read_only")),
      )
      .map(([days, pad, d, access]) => ({
        input: defined({ lifetimeDays: `${pad}${days}${pad}`, description: d.raw, access }),
        output: { lifetimeDays: days, description: d.clean, access: access ?? "read_write" },
      })),
  },
  {
    name: "changePasswordSchema (PUT /v4/people/current/password)",
    schema: changePasswordSchema,
    fields: ["currentPassword", "newPassword"],
    satisfies: (o) =>
      typeof o.currentPassword === "string" &&
      o.currentPassword.length >= 1 &&
      o.currentPassword.length <= 1024 &&
      isPassword(o.newPassword),
    valid: fc.tuple(fc.string({ minLength: 1, maxLength: 100 }), password).map(([currentPassword, newPassword]) => ({
      input: { currentPassword, newPassword },
      output: { currentPassword, newPassword },
    })),
  },
  {
    name: "createPersonSchema (POST /v4/people)",
    schema: createPersonSchema,
    fields: ["email", "name", "password", "isAdmin"],
    satisfies: (o) =>
      typeof o.email === "string" &&
      o.email.length <= 254 &&
      EMAIL.test(o.email) &&
      isName(o.name) &&
      isPassword(o.password) &&
      isBoolean(o.isAdmin),
    valid: fc
      .tuple(padded(emailAddress), padded(cleanText(1, 100)), password, maybe(fc.boolean()))
      .map(([email, name, pw, isAdmin]) => ({
        input: defined({ email: email.raw, name: name.raw, password: pw, isAdmin }),
        output: { email: email.clean, name: name.clean, password: pw, isAdmin: isAdmin ?? false },
      })),
  },
  {
    name: "updatePersonSchema (PATCH /v4/people/{id})",
    schema: updatePersonSchema,
    fields: ["name", "isAdmin", "isDisabled", "canGenerateApiAccessTokens"],
    satisfies: (o) =>
      optional(isName)(o.name) &&
      optional(isBoolean)(o.isAdmin) &&
      optional(isBoolean)(o.isDisabled) &&
      optional(isBoolean)(o.canGenerateApiAccessTokens),
    valid: fc
      .tuple(maybe(padded(cleanText(1, 100))), maybe(fc.boolean()), maybe(fc.boolean()), maybe(fc.boolean()))
      .map(([name, isAdmin, isDisabled, canGenerateApiAccessTokens]) => ({
        input: defined({ name: name?.raw, isAdmin, isDisabled, canGenerateApiAccessTokens }),
        output: defined({ name: name?.clean, isAdmin, isDisabled, canGenerateApiAccessTokens }),
      })),
  },
  {
    name: "updateWorkspaceSettingsSchema (PATCH /v4/workspaces/current/settings)",
    schema: updateWorkspaceSettingsSchema,
    fields: ["apiAccessTokensEnabled", "usersCanGenerateApiAccessTokens", "maxUserTokenLifetimeDays"],
    satisfies: (o) =>
      optional(isBoolean)(o.apiAccessTokensEnabled) &&
      optional(isBoolean)(o.usersCanGenerateApiAccessTokens) &&
      optional((v) => isLifetime(v, MAX_LIFETIME_DAYS))(o.maxUserTokenLifetimeDays),
    valid: fc
      .tuple(maybe(fc.boolean()), maybe(fc.boolean()), maybe(lifetime(MAX_LIFETIME_DAYS)))
      .map(([apiAccessTokensEnabled, usersCanGenerateApiAccessTokens, maxUserTokenLifetimeDays]) => {
        const body = defined({ apiAccessTokensEnabled, usersCanGenerateApiAccessTokens, maxUserTokenLifetimeDays });
        return { input: body, output: body };
      }),
  },
];

/** Anything at all, including what JSON cannot carry (undefined, NaN, Map, BigInt, null prototypes, sparse arrays). */
const anything = (fields: string[]) =>
  fc.anything({
    key: hostileKey(fields),
    maxDepth: 3,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withBigInt: true,
    withDate: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withObjectString: true,
  });

/** Parses, and checks the outcome: a value meeting the constraints, or a 400 that names a field. */
function checkOutcome(c: Case, input: unknown): { ok: boolean; field?: string } {
  const before = prototypeSnapshot();
  let result: ReturnType<z.ZodType["safeParse"]>;
  try {
    result = c.schema.safeParse(input);
  } catch (error) {
    throw new Error(`safeParse threw for ${c.name}: ${String(error)}`);
  }
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (result.success) {
    const output = result.data as Output;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(c.satisfies(output), `accepted ${JSON.stringify(output)}`).toBe(true);
    expect(onlyKeys(output, c.fields), `kept an unknown key in ${JSON.stringify(Object.keys(output))}`).toBe(true);
    return { ok: true };
  }
  for (const issue of result.error.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.path.length) expect(c.fields).toContain(issue.path[0]);
  }
  try {
    parseInput(c.schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.status).toBe(400);
    expect(appError.code).toBe("invalid_request");
    const field = appError.field;
    if (field === undefined) expect(appError.message).toMatch(/^Request body: /);
    else {
      expect(c.fields).toContain(field.split(".")[0]);
      expect(appError.message.startsWith(`${field}: `)).toBe(true);
    }
    return { ok: false, field };
  }
  throw new Error("parseInput accepted what safeParse refused");
}

describe.each(cases)("$name (properties)", (c) => {
  it("accepts every input that meets the documented constraints, normalised as documented", () => {
    fc.assert(
      fc.property(c.valid, ({ input, output }) => {
        expect(c.schema.parse(input)).toEqual(output);
        expect(checkOutcome(c, input).ok).toBe(true);
      }),
      runs(100),
    );
  });

  it("for any JSON value (prototype keys included): a valid value or a 400 naming a field, never a throw", () => {
    fc.assert(
      fc.property(hostileJson(c.fields), (input) => void checkOutcome(c, input)),
      runs(150),
    );
  });

  it("for anything at all, JSON or not: the same", () => {
    fc.assert(
      fc.property(anything(c.fields), (input) => void checkOutcome(c, input)),
      runs(80),
    );
  });

  it("a valid body with one field replaced by junk is refused naming that field, or still valid", () => {
    const junk = fc.oneof(hostileJson([], 2), fc.constant(nested(5000)));
    fc.assert(
      fc.property(c.valid, fc.constantFrom(...c.fields), junk, ({ input }, field, value) => {
        const { ok, field: named } = checkOutcome(c, { ...input, [field]: value });
        if (!ok) expect(named).toBe(field);
      }),
      runs(80),
    );
  });

  it("unknown fields, prototype keys among them (as JSON.parse makes them), are dropped and pollute nothing", () => {
    const unknownKey = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "name", "id", "userId", "passwordHash"),
      fc.string({ unit: "binary", maxLength: 12 }),
    );
    fc.assert(
      fc.property(c.valid, fc.dictionary(unknownKey, hostileJson([], 2), { maxKeys: 4 }), (v, extra) => {
        const unknown = Object.entries(extra).filter(([key]) => !c.fields.includes(key));
        const input = Object.assign(JSON.parse(JSON.stringify(Object.fromEntries(unknown))), v.input);
        expect(c.schema.parse(input)).toEqual(v.output);
        expect(checkOutcome(c, input).ok).toBe(true);
      }),
      runs(80),
    );
  });
});

// The schemas with text people set and others read (lib/validations/text.ts).
const withText = cases
  .map((c) => ({ ...c, textFields: c.fields.filter((f) => ["description", "name"].includes(f)) }))
  .filter((c) => c.textFields.length > 0);

describe.each(withText)("$name (text fields)", (c) => {
  it("holds nothing that hides or disguises text: such text is refused naming its field", () => {
    fc.assert(
      fc.property(c.valid, fc.constantFrom(...c.textFields), suspectText(40), ({ input }, field, text) => {
        const result = c.schema.safeParse({ ...input, [field]: text });
        if (result.success) expect(holdsRefusedCharacter(String((result.data as Output)[field]))).toBe(false);
        else expect(result.error.issues[0].path).toEqual([field]);
      }),
      runs(150),
    );
  });
});

// Every setting Tessera reads from its environment, in one schema. The README's configuration table is its
// contract: the same variables, the same defaults (lib/env.test.ts holds the two together). A bad value
// stops start-up (scripts/start.ts reads this first) with a message naming the variable; a secret is never
// repeated back. No "server-only": the start-up scripts read it too.
import path from "node:path";
import { z } from "zod";
import { databaseUrlProblem, databaseConfig } from "@/lib/db/config";

export class ConfigError extends Error {}

const variable = z.string().optional();

/** A variable as set, trimmed; an empty or blank one counts as unset. */
const trimmed = variable.transform((value) => value?.trim() || undefined);

/** A secret as set: not trimmed (spaces may be part of it); a blank one counts as unset. */
const secret = variable.transform((value) => (value?.trim() ? value : undefined));

function text(fallback: string) {
  return trimmed.transform((value) => value ?? fallback);
}

type Range = { min: number; max?: number; unit?: string; emptyIsBad?: boolean };

function wholeNumber(fallback: number, { min, max, unit, emptyIsBad = false }: Range) {
  const range = max === undefined ? `, at least ${min}` : ` from ${min} to ${max}`;
  const message = `must be a whole number${unit ? ` of ${unit}` : ""}${range}`;
  const inRange = (value: string) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= (max ?? Number.MAX_SAFE_INTEGER);
  const asSet = emptyIsBad ? variable.transform((value) => value?.trim()) : trimmed;
  return asSet
    .refine((value) => value === undefined || inRange(value), message)
    .transform((value) => (value === undefined ? fallback : Number(value)));
}

function flag(fallback: boolean) {
  return trimmed
    .refine((value) => value === undefined || value === "true" || value === "false", "must be true or false")
    .transform((value) => (value === undefined ? fallback : value === "true"));
}

export const envSchema = z.object({
  // PORT alone reads an empty value as a bad one rather than as unset, as it always has.
  PORT: wholeNumber(3000, { min: 1, max: 65535, emptyIsBad: true }),
  HOSTNAME: text("0.0.0.0"),
  DATA_DIR: text("./data").transform((dir) => path.resolve(/* turbopackIgnore: true */ dir)),
  /** Defaults to the file tessera.db in DATA_DIR (parseEnv). */
  DATABASE_URL: trimmed
    .superRefine((url, context) => {
      const problem = url === undefined ? null : databaseUrlProblem(url);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .transform((url) => (url === undefined ? undefined : databaseConfig(url).url)),
  DATABASE_POOL_SIZE: wholeNumber(10, { min: 1, unit: "connections" }),
  /** When unset, start-up generates one into DATA_DIR and exports it to the server (lib/setup/session-secret.ts). */
  NEXTAUTH_SECRET: secret,
  /** Defaults to http://localhost:$PORT (parseEnv). */
  NEXTAUTH_URL: trimmed.refine(
    (url) => url === undefined || URL.canParse(url),
    "must be the app's public URL, e.g. https://tessera.example.com",
  ),
  ADMIN_EMAIL: text("admin@example.com")
    .transform((email) => email.toLowerCase())
    .refine((email) => /^[^\s@]+@[^\s@]+$/.test(email), "must be an email address"),
  ADMIN_PASSWORD: secret.refine((password) => password === undefined || password.length >= 8, {
    message: "must be at least 8 characters",
  }),
  LAST_USED_INTERVAL_SECONDS: wholeNumber(60, { min: 1, unit: "seconds" }),
  TRUST_PROXY: flag(false),
  /** Unset: one workspace at every host name. Set: <name>.<domain> is workspace <name> (lib/workspaces/). */
  WORKSPACE_DOMAIN: trimmed
    .transform((domain) => domain?.toLowerCase().replace(/\.$/, ""))
    .refine(
      (domain) =>
        domain === undefined ||
        /^(?=.{1,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(domain),
      "must be a host name, e.g. tessera.example.com",
    ),
  RATE_LIMIT_ADDRESS_FAILURES: wholeNumber(20, { min: 1 }),
  RATE_LIMIT_ACCOUNT_FAILURES: wholeNumber(5, { min: 1 }),
  RATE_LIMIT_TOKEN_FAILURES: wholeNumber(50, { min: 1 }),
  RATE_LIMIT_REVOKE_PER_MINUTE: wholeNumber(30, { min: 1 }),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber(900, { min: 1, unit: "seconds" }),
  RATE_LIMIT_BLOCK_SECONDS: wholeNumber(30, { min: 1, unit: "seconds" }),
  RATE_LIMIT_MAX_BLOCK_SECONDS: wholeNumber(3600, { min: 1, unit: "seconds" }),
  RATE_LIMIT_ACCOUNT_MAX_BLOCK_SECONDS: wholeNumber(300, { min: 1, unit: "seconds" }),
  RATE_LIMIT_ACCOUNT_TRICKLE_SECONDS: wholeNumber(60, { min: 1, unit: "seconds" }),
  AUDIT_RETENTION_DAYS: wholeNumber(180, { min: 0, max: 36_500, unit: "days" }),
  SESSION_MAX_LIFETIME_SECONDS: wholeNumber(7 * 24 * 60 * 60, { min: 1, max: 366 * 24 * 60 * 60, unit: "seconds" }),
  NEXT_DIST_DIR: text(".next"),
});

export type Env = ReturnType<typeof parseEnv>;

/** The settings in these variables; throws a ConfigError naming every variable with a bad value. */
export function parseEnv(variables: Record<string, string | undefined>) {
  const result = envSchema.safeParse(variables);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => problem(issue, variables)).join("\n"));
  const settings = result.data;
  return {
    ...settings,
    DATABASE_URL: settings.DATABASE_URL ?? `file:${path.join(settings.DATA_DIR, "tessera.db")}`,
    NEXTAUTH_URL: settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`,
  };
}

/** Values never repeated in a message: the secrets, and values that may hold one or a person's address. */
const UNECHOED = new Set(["NEXTAUTH_SECRET", "ADMIN_PASSWORD", "DATABASE_URL", "NEXTAUTH_URL", "ADMIN_EMAIL"]);

function problem(issue: { path: PropertyKey[]; message: string }, variables: Record<string, string | undefined>) {
  const name = String(issue.path[0]);
  if (UNECHOED.has(name)) return `${name} ${issue.message}`;
  return `${name} ${issue.message} (got ${JSON.stringify(variables[name]?.slice(0, 60))})`;
}

let current: Env | undefined;

/** This process's settings, read from process.env and checked once. */
export function env(): Env {
  return (current ??= parseEnv(process.env));
}

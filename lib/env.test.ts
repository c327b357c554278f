import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "@/lib/db/config";
import { ConfigError, envSchema, parseEnv } from "./env";

const dir = path.resolve("/srv/tessera-data");

/** The settings of an environment with its own data folder. */
function settings(vars: Record<string, string> = {}) {
  return parseEnv({ NODE_ENV: "test", DATA_DIR: dir, ...vars });
}

function configErrorOf(vars: Record<string, string>): ConfigError {
  try {
    settings(vars);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(vars)} to be refused`);
}

describe("parseEnv", () => {
  it("starts with defaults: port 3000, SQLite in the data folder, the default admin email", () => {
    const config = settings();
    expect(config.PORT).toBe(3000);
    expect(config.HOSTNAME).toBe("0.0.0.0");
    expect(config.DATA_DIR).toBe(dir);
    expect(databaseConfig(config.DATABASE_URL)).toEqual({
      provider: "sqlite",
      url: `file:${path.join(dir, "tessera.db")}`,
      filePath: path.join(dir, "tessera.db"),
    });
    expect(config.NEXTAUTH_URL).toBe("http://localhost:3000");
    expect([config.ADMIN_EMAIL, config.ADMIN_PASSWORD]).toEqual(["admin@example.com", undefined]);
    expect(config.AUDIT_RETENTION_DAYS).toBe(180);
    expect(config.SESSION_MAX_LIFETIME_SECONDS).toBe(7 * 86_400);
  });

  it("reads SESSION_MAX_LIFETIME_SECONDS: 7 days unless it says otherwise", () => {
    expect(parseEnv({}).SESSION_MAX_LIFETIME_SECONDS).toBe(7 * 86_400);
    expect(settings({ SESSION_MAX_LIFETIME_SECONDS: "3600" }).SESSION_MAX_LIFETIME_SECONDS).toBe(3600);
    expect(settings({ SESSION_MAX_LIFETIME_SECONDS: " 3600 " }).SESSION_MAX_LIFETIME_SECONDS).toBe(3600);
  });

  it.each(["a week", "0", "-5", "-1", "1.5", "1e3", "31622401"])(
    "refuses SESSION_MAX_LIFETIME_SECONDS=%j: not a whole number of seconds in range",
    (value) => {
      expect(configErrorOf({ SESSION_MAX_LIFETIME_SECONDS: value }).message).toMatch(
        /^SESSION_MAX_LIFETIME_SECONDS must be a whole number of seconds/,
      );
    },
  );

  it("defaults AUDIT_RETENTION_DAYS to 180 days", () => {
    expect(parseEnv({}).AUDIT_RETENTION_DAYS).toBe(180);
    expect(settings({ AUDIT_RETENTION_DAYS: " " }).AUDIT_RETENTION_DAYS).toBe(180);
  });

  it("reads AUDIT_RETENTION_DAYS as a whole number of days, 0 meaning forever", () => {
    expect(settings({ AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    expect(settings({ AUDIT_RETENTION_DAYS: "0" }).AUDIT_RETENTION_DAYS).toBe(0);
  });

  it("refuses an AUDIT_RETENTION_DAYS that is not a whole number of days, naming the variable", () => {
    expect(configErrorOf({ AUDIT_RETENTION_DAYS: "a month" }).message).toMatch(/^AUDIT_RETENTION_DAYS must be/);
  });

  it.each(["-1", "1.5", "ten", "99999"])("refuses AUDIT_RETENTION_DAYS=%j", (value) => {
    expect(configErrorOf({ AUDIT_RETENTION_DAYS: value }).message).toMatch(/^AUDIT_RETENTION_DAYS must be/);
  });

  it("reads PORT, and defaults NEXTAUTH_URL to that port", () => {
    const config = settings({ PORT: "8080" });
    expect(config.PORT).toBe(8080);
    expect(config.NEXTAUTH_URL).toBe("http://localhost:8080");
  });

  it.each(["abc", "0", "65536", "80.5", "-1", "", "3000abc"])("refuses PORT=%j, naming PORT and the value", (PORT) => {
    const { message } = configErrorOf({ PORT });
    expect(message).toMatch(/^PORT must be a whole number from 1 to 65535/);
    expect(message).toContain(`(got ${JSON.stringify(PORT)})`);
  });

  it("normalises ADMIN_EMAIL to trimmed lower case", () => {
    expect(settings({ ADMIN_EMAIL: "  Root@Example.COM " }).ADMIN_EMAIL).toBe("root@example.com");
  });

  it.each(["not-an-email", "admin@", "@example.com", "ad min@example.com"])(
    "refuses ADMIN_EMAIL=%j, naming ADMIN_EMAIL",
    (ADMIN_EMAIL) => {
      expect(configErrorOf({ ADMIN_EMAIL }).message).toBe("ADMIN_EMAIL must be an email address");
    },
  );

  it("refuses a short ADMIN_PASSWORD without echoing it", () => {
    const error = configErrorOf({ ADMIN_PASSWORD: "hunter2" });
    expect(error.message).toContain("ADMIN_PASSWORD");
    expect(error.message).not.toContain("hunter2");
  });

  it("accepts an ADMIN_PASSWORD of 8 characters, and treats an empty one as none", () => {
    expect(settings({ ADMIN_PASSWORD: "12345678" }).ADMIN_PASSWORD).toBe("12345678");
    expect(settings({ ADMIN_PASSWORD: "" }).ADMIN_PASSWORD).toBeUndefined();
  });

  it.each(["not a url", "tessera-s3cret.internal", "http://"])("refuses NEXTAUTH_URL=%j without echoing it", (url) => {
    const error = configErrorOf({ NEXTAUTH_URL: url });
    expect(error.message).toContain("NEXTAUTH_URL");
    expect(error.message).not.toContain(url);
  });

  it("accepts a public NEXTAUTH_URL", () => {
    expect(settings({ NEXTAUTH_URL: "https://tessera.example.com" }).NEXTAUTH_URL).toBe("https://tessera.example.com");
  });

  it.each([
    ["mysql://root:s3cretPassw0rd@db/tessera", "s3cretPassw0rd"],
    ["postgres//tessera:s3cretPassw0rd@db/tessera", "s3cretPassw0rd"],
    ["s3cretPassw0rd", "s3cretPass"],
    ["sqlserver://db;password=s3cretPassw0rd", "s3cretPassw0rd"],
  ])("refuses DATABASE_URL %j with an unknown scheme, naming the variable but never the secret", (url, secret) => {
    const error = configErrorOf({ DATABASE_URL: url });
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).toContain("postgresql://");
    expect(error.message).not.toContain(secret);
  });

  it("says which scheme a refused DATABASE_URL has, to help fix it", () => {
    expect(configErrorOf({ DATABASE_URL: "mysql://root:pw@db/tessera" }).message).toContain('"mysql:"');
  });

  it("refuses a file: DATABASE_URL without a path", () => {
    expect(configErrorOf({ DATABASE_URL: "file:" }).message).toContain("DATABASE_URL");
  });

  it("accepts PostgreSQL and SQLite DATABASE_URLs", () => {
    const pg = "postgresql://tessera:pw@db:5432/tessera";
    const database = (url: string) => databaseConfig(settings({ DATABASE_URL: url }).DATABASE_URL);
    expect(database(pg)).toEqual({ provider: "postgresql", url: pg });
    expect(database("postgres://db/tessera").provider).toBe("postgresql");
    const file = path.join(dir, "other.db");
    expect(database(`file:${file}`)).toEqual({ provider: "sqlite", url: `file:${file}`, filePath: file });
  });

  it("reads TRUST_PROXY as true or false, and refuses anything else", () => {
    expect(settings().TRUST_PROXY).toBe(false);
    expect(settings({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(settings({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(configErrorOf({ TRUST_PROXY: "yes" }).message).toBe('TRUST_PROXY must be true or false (got "yes")');
  });

  it("refuses counts and durations that are not positive whole numbers, naming the variable", () => {
    for (const name of ["DATABASE_POOL_SIZE", "LAST_USED_INTERVAL_SECONDS", "RATE_LIMIT_BLOCK_SECONDS"]) {
      for (const value of ["0", "-1", "1.5", "ten"]) {
        expect(configErrorOf({ [name]: value }).message).toMatch(new RegExp(`^${name} must be a whole number`));
      }
    }
  });

  it("names every variable with a bad value, one per line, and never the secrets", () => {
    const { message } = configErrorOf({ PORT: "x", ADMIN_PASSWORD: "short", TRUST_PROXY: "1" });
    expect(message.split("\n")).toEqual([
      'PORT must be a whole number from 1 to 65535 (got "x")',
      "ADMIN_PASSWORD must be at least 8 characters",
      'TRUST_PROXY must be true or false (got "1")',
    ]);
  });

  it("treats an empty or blank variable as unset, PORT apart", () => {
    const names = Object.keys(envSchema.shape).filter((name) => name !== "PORT");
    expect(parseEnv(Object.fromEntries(names.map((name) => [name, " "])))).toEqual(parseEnv({}));
    expect(parseEnv(Object.fromEntries(names.map((name) => [name, ""])))).toEqual(parseEnv({}));
  });
});

describe("the README's configuration table", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
  );
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .map(([, name, fallback, meaning]) => ({ name: name.replaceAll("`", ""), fallback, meaning }));
  const appRows = rows.filter((row) => !row.meaning.startsWith("tests only"));

  it("lists exactly the variables the app reads (tests-only ones apart)", () => {
    expect(appRows.length).toBeGreaterThan(20);
    expect(appRows.map((row) => row.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
    for (const row of rows) expect(row.name.startsWith("TEST_")).toBe(!appRows.includes(row));
  });

  it("states each default the schema applies", () => {
    const literals = appRows.flatMap(({ name, fallback }) => {
      const literal = /^`([^`$]*)`/.exec(fallback)?.[1];
      return literal === undefined ? [] : [[name, literal] as const];
    });
    expect(literals.length).toBeGreaterThan(15);
    const defaults: Record<string, unknown> = parseEnv({});
    for (const [name, literal] of literals) {
      const stated: Record<string, unknown> = parseEnv({ [name]: literal });
      expect({ [name]: defaults[name] }).toEqual({ [name]: stated[name] });
    }
  });
});

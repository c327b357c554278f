import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_MAX_LIFETIME_SECONDS } from "@/lib/auth/session-lifetime";
import { ConfigError, loadStartConfig } from "./config";

let dir = "";

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tessera-config-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A start-up environment with its own data folder and a given secret, so no test writes a secret file by accident. */
function env(vars: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", DATA_DIR: dir, NEXTAUTH_SECRET: "s".repeat(43), ...vars };
}

function configErrorOf(vars: Record<string, string>): ConfigError {
  try {
    loadStartConfig(env(vars));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(vars)} to be refused`);
}

describe("loadStartConfig", () => {
  it("starts with defaults: port 3000, SQLite in the data folder, the default admin email", () => {
    const config = loadStartConfig(env());
    expect(config.port).toBe(3000);
    expect(config.hostname).toBe("0.0.0.0");
    expect(config.dataDir).toBe(dir);
    expect(config.database).toEqual({
      provider: "sqlite",
      url: `file:${path.join(dir, "tessera.db")}`,
      filePath: path.join(dir, "tessera.db"),
    });
    expect(config.nextAuthUrl).toBe("http://localhost:3000");
    expect(config.admin).toEqual({ email: "admin@example.com", password: null });
    expect(config.auditRetentionDays).toBe(180);
    expect(config.sessionMaxLifetimeSeconds).toBe(DEFAULT_SESSION_MAX_LIFETIME_SECONDS);
  });

  it("reads SESSION_MAX_LIFETIME_SECONDS, and refuses a value that is not a whole number of seconds in range", () => {
    expect(loadStartConfig(env({ SESSION_MAX_LIFETIME_SECONDS: "3600" })).sessionMaxLifetimeSeconds).toBe(3600);
    for (const value of ["a week", "0", "-5", "1.5", "31622401"]) {
      expect(configErrorOf({ SESSION_MAX_LIFETIME_SECONDS: value }).message).toMatch(
        /^SESSION_MAX_LIFETIME_SECONDS must be/,
      );
    }
  });

  it("reads AUDIT_RETENTION_DAYS, and refuses a value that is not a whole number of days", () => {
    expect(loadStartConfig(env({ AUDIT_RETENTION_DAYS: "30" })).auditRetentionDays).toBe(30);
    expect(configErrorOf({ AUDIT_RETENTION_DAYS: "a month" }).message).toMatch(/^AUDIT_RETENTION_DAYS must be/);
  });

  it("reads PORT, and defaults NEXTAUTH_URL to that port", () => {
    const config = loadStartConfig(env({ PORT: "8080" }));
    expect(config.port).toBe(8080);
    expect(config.nextAuthUrl).toBe("http://localhost:8080");
  });

  it.each(["abc", "0", "65536", "80.5", "-1", "", "3000abc"])("refuses PORT=%j, naming PORT", (PORT) => {
    expect(configErrorOf({ PORT }).message).toMatch(/^PORT must be a whole number from 1 to 65535/);
  });

  it("normalises ADMIN_EMAIL to trimmed lower case", () => {
    expect(loadStartConfig(env({ ADMIN_EMAIL: "  Root@Example.COM " })).admin.email).toBe("root@example.com");
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
    expect(loadStartConfig(env({ ADMIN_PASSWORD: "12345678" })).admin.password).toBe("12345678");
    expect(loadStartConfig(env({ ADMIN_PASSWORD: "" })).admin.password).toBeNull();
  });

  it.each(["not a url", "tessera-s3cret.internal", "http://"])("refuses NEXTAUTH_URL=%j without echoing it", (url) => {
    const error = configErrorOf({ NEXTAUTH_URL: url });
    expect(error.message).toContain("NEXTAUTH_URL");
    expect(error.message).not.toContain(url);
  });

  it("accepts a public NEXTAUTH_URL", () => {
    expect(loadStartConfig(env({ NEXTAUTH_URL: "https://tessera.example.com" })).nextAuthUrl).toBe(
      "https://tessera.example.com",
    );
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
    expect(loadStartConfig(env({ DATABASE_URL: pg })).database).toEqual({ provider: "postgresql", url: pg });
    expect(loadStartConfig(env({ DATABASE_URL: "postgres://db/tessera" })).database.provider).toBe("postgresql");
    const file = path.join(dir, "other.db");
    expect(loadStartConfig(env({ DATABASE_URL: `file:${file}` })).database).toEqual({
      provider: "sqlite",
      url: `file:${file}`,
      filePath: file,
    });
  });

  it("uses NEXTAUTH_SECRET when given, and writes no secret file", () => {
    expect(loadStartConfig(env({ NEXTAUTH_SECRET: "given-secret-given-secret-given-secret" })).nextAuthSecret).toBe(
      "given-secret-given-secret-given-secret",
    );
    expect(() => statSync(path.join(dir, "nextauth-secret"))).toThrow();
  });

  it("generates NEXTAUTH_SECRET into DATA_DIR/nextauth-secret with mode 0600, and re-reads it on the next start", () => {
    const dataDir = path.join(dir, "nested", "data");
    const vars = { NODE_ENV: "test", DATA_DIR: dataDir } as const;
    const first = loadStartConfig(vars).nextAuthSecret;
    const file = path.join(dataDir, "nextauth-secret");

    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(loadStartConfig(vars).nextAuthSecret).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("generates a different secret for a different data folder", () => {
    const a = loadStartConfig({ NODE_ENV: "test", DATA_DIR: path.join(dir, "a") }).nextAuthSecret;
    const b = loadStartConfig({ NODE_ENV: "test", DATA_DIR: path.join(dir, "b") }).nextAuthSecret;
    expect(a).not.toBe(b);
  });

  it("refuses a kept secret shorter than 32 characters without echoing it", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "nextauth-secret"), "tooShortSecret\n");
    let message = "";
    try {
      loadStartConfig({ NODE_ENV: "test", DATA_DIR: dir });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = error instanceof Error ? error.message : "";
    }
    expect(message).toContain("NEXTAUTH_SECRET");
    expect(message).toContain(path.join(dir, "nextauth-secret"));
    expect(message).not.toContain("tooShortSecret");
  });
});

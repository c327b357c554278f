import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";
import { sessionSecret } from "./session-secret";

let dir = "";

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tessera-config-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const secretFor = (vars: Record<string, string>) => sessionSecret(parseEnv({ NODE_ENV: "test", ...vars }));

describe("sessionSecret", () => {
  it("uses NEXTAUTH_SECRET when given, and writes no secret file", () => {
    const given = "given-secret-given-secret-given-secret";
    expect(secretFor({ DATA_DIR: dir, NEXTAUTH_SECRET: given })).toBe(given);
    expect(() => statSync(path.join(dir, "nextauth-secret"))).toThrow();
  });

  it("generates NEXTAUTH_SECRET into DATA_DIR/nextauth-secret with mode 0600, and re-reads it on the next start", () => {
    const dataDir = path.join(dir, "nested", "data");
    const first = secretFor({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "nextauth-secret");

    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(secretFor({ DATA_DIR: dataDir })).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("generates a different secret for a different data folder", () => {
    const a = secretFor({ DATA_DIR: path.join(dir, "a") });
    const b = secretFor({ DATA_DIR: path.join(dir, "b") });
    expect(a).not.toBe(b);
  });

  it("refuses a kept secret shorter than 32 characters without echoing it", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "nextauth-secret"), "tooShortSecret\n");
    let message = "";
    try {
      secretFor({ DATA_DIR: dir });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = error instanceof Error ? error.message : "";
    }
    expect(message).toContain("NEXTAUTH_SECRET");
    expect(message).toContain(path.join(dir, "nextauth-secret"));
    expect(message).not.toContain("tooShortSecret");
  });
});

// The scripts in examples/ run against the test server, as a user would run them, and must succeed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { admin, baseUrl } from "./support/client";

const root = path.resolve(import.meta.dirname, "../..");

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env = {
    ...process.env,
    TESSERA_URL: baseUrl(),
    TESSERA_EMAIL: admin().email,
    TESSERA_PASSWORD: admin().password,
    ...extraEnv,
  };
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("examples/", () => {
  test("curl.sh gets a token with email and password, uses it, and deletes its tokens", () => {
    const { status, output } = run("bash", ["examples/curl.sh"]);
    expect(status, output).toBe(0);
    expect(output).toContain("Done.");
  });

  test("curl.sh exits non-zero when the password is wrong", () => {
    const { status, output } = run("bash", ["examples/curl.sh"], { TESSERA_PASSWORD: "wrong-password" });
    expect(status, output).not.toBe(0);
    expect(output).toContain("expected HTTP 201, got 401");
  });

  test("tokens.ts does the same with fetch, and renews its token before it expires", () => {
    const { status, output } = run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "examples/tokens.ts"], {
      // Short-lived tokens, renewed when less than 3 s remain, over a 4 s run: at least one renewal happens.
      TESSERA_LIFETIME_SECONDS: "5",
      TESSERA_RENEW_BEFORE_SECONDS: "3",
      TESSERA_RUN_SECONDS: "4",
    });
    expect(status, output).toBe(0);
    expect(output).toMatch(/renewed: \w+ -> \w+/);
    expect(output).toContain("done");
  }, 60_000);

  test("tokens.ts exits non-zero when the password is wrong", () => {
    const { status, output } = run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "examples/tokens.ts"], {
      TESSERA_PASSWORD: "wrong-password",
    });
    expect(status, output).not.toBe(0);
    expect(output).toContain("got 401");
  }, 60_000);
});

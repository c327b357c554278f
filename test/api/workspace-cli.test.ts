// `npm run workspace` (scripts/workspace.ts) run as an operator would, as a child process, on a database of its
// own (SQLite in a fresh DATA_DIR, or a fresh PostgreSQL database with TEST_DATABASE=postgresql), never the
// shared test server's. What each command did is read straight from that database.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { sqlAt } from "../support/sql";

const root = path.resolve(import.meta.dirname, "../..");
const usingPostgres = process.env.TEST_DATABASE === "postgresql";
const DEFAULT_ADMIN = { email: "operator@tessera.test", password: "operator-password-1" };
const DOMAIN = "tessera.test";
const NAME_RULE = /must be 2 to 40 lower-case letters, digits and hyphens/;
const RESERVED = /is reserved/;

let dataDir: string;
let database: TestDatabase | undefined;

type Run = { status: number | null; stdout: string; stderr: string; timedOut: boolean };
type CliOptions = {
  input?: string;
  domain?: string;
  timeoutMs?: number;
  /** Another database than the file's own (with ADMIN_PASSWORD unset). */
  fresh?: { dataDir: string; databaseUrl: string };
};

/**
 * One CLI command, to its end or `timeoutMs` (then it is killed, with the process tsx starts under it, and the
 * run says timedOut); `input` is what is typed on stdin, which is then closed.
 */
function cli(args: string[], options: CliOptions = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.fresh?.dataDir ?? dataDir,
    DATABASE_URL: options.fresh?.databaseUrl ?? database?.url ?? "",
    ADMIN_EMAIL: DEFAULT_ADMIN.email,
    ADMIN_PASSWORD: DEFAULT_ADMIN.password,
  };
  delete env.WORKSPACE_DOMAIN;
  if (options.domain) env.WORKSPACE_DOMAIN = options.domain;
  if (options.fresh) delete env.ADMIN_PASSWORD;
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/workspace.ts", ...args], {
    cwd: root,
    env,
    stdio: ["pipe", "pipe", "pipe"],
    // Its own process group: tsx runs the script in a child process, which a kill must reach too.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? "");
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  }, options.timeoutMs ?? 25_000);
  return new Promise((resolve) => {
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, timedOut });
    });
  });
}

/** SQL on the CLI's database, with ? placeholders. */
function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return sqlAt<T>(database?.url ?? `file:${path.join(dataDir, "tessera.db")}`, text, params);
}

async function count(text: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${text}`, params);
  return Number(row.n);
}

type Person = { id: string; workspaceId: string; email: string; passwordHash: string; isAdmin: unknown };

async function workspaceId(name: string): Promise<string | null> {
  const [row] = await sql<{ id: string }>(`SELECT "id" FROM "Workspace" WHERE "name" = ?`, [name]);
  return row?.id ?? null;
}

async function existingWorkspaceId(name: string): Promise<string> {
  const id = await workspaceId(name);
  if (!id) throw new Error(`no workspace ${name}`);
  return id;
}

async function workspaceNames(): Promise<string[]> {
  return (await sql<{ name: string }>(`SELECT "name" FROM "Workspace" ORDER BY "name"`)).map((row) => row.name);
}

async function peopleOf(name: string): Promise<Person[]> {
  return sql<Person>(
    `SELECT u."id", u."workspaceId", u."email", u."passwordHash", u."isAdmin" FROM "User" u
     JOIN "Workspace" w ON w."id" = u."workspaceId" WHERE w."name" = ? ORDER BY u."id"`,
    [name],
  );
}

/** What the database holds in every table the CLI writes, to show that a refused command wrote nothing. */
async function snapshot() {
  return {
    workspaces: await sql(`SELECT "id", "name" FROM "Workspace" ORDER BY "id"`),
    people: await sql(`SELECT "id", "workspaceId", "email", "passwordHash" FROM "User" ORDER BY "id"`),
    tokens: await count(`"AccessToken"`),
    events: await count(`"audit_events"`),
  };
}

/** A token row of this person, with a day of usage and an address (rows that must go with the token). */
async function insertToken(userId: string): Promise<string> {
  const id = randomUUID().replace(/-/g, "").slice(0, 16);
  await sql(`INSERT INTO "AccessToken" ("id", "userId", "secretHash") VALUES (?, ?, ?)`, [id, userId, "x".repeat(64)]);
  await sql(`INSERT INTO "token_usage_days" ("tokenId", "day", "accepted") VALUES (?, ?, ?)`, [id, "2026-12-07", 3]);
  return id;
}

async function insertAuditEvent(workspace: string, subjectId: string): Promise<string> {
  const id = randomUUID();
  await sql(
    `INSERT INTO "audit_events" ("id", "workspaceId", "type", "actorId", "actorMethod", "subjectId", "clientAddress", "userAgent")
     VALUES (?, ?, 'token.created', ?, 'session', ?, '127.0.0.1', 'test')`,
    [id, workspace, subjectId, subjectId],
  );
  return id;
}

function expectRefused(run: Run, message: RegExp | string): void {
  expect(run.timedOut, "the command did not finish").toBe(false);
  expect(run.stderr).toMatch(message);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "tessera-workspace-cli-"));
  if (usingPostgres) database = await createTestDatabase("tessera_workspace_cli");
});

afterAll(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run workspace", () => {
  it("create <name> --admin-password: the workspace and its admin, with a bcrypt hash of that password", async () => {
    const password = "acme-password-1";
    const run = await cli(["create", "acme", "--admin-email", "Ops@Acme.Test", "--admin-password", password]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Created workspace acme (set WORKSPACE_DOMAIN");
    expect(run.stdout).toContain("with its admin ops@acme.test");
    expect(run.stdout).not.toContain(password);
    expect(run.stdout).not.toMatch(/password/i);
    // The default workspace was made on the way, as at a first start, with the ADMIN_EMAIL/ADMIN_PASSWORD admin.
    expect(run.stdout).toContain(`Created the default workspace's first admin: ${DEFAULT_ADMIN.email}\n`);

    // The migration ran and the default workspace was made on the way (with the ADMIN_EMAIL admin).
    expect(await workspaceNames()).toEqual(["acme", "default"]);
    expect((await peopleOf("default")).map((p) => p.email)).toEqual([DEFAULT_ADMIN.email]);
    const [admin, ...others] = await peopleOf("acme");
    expect(others).toEqual([]);
    expect(admin.email).toBe("ops@acme.test");
    expect(Boolean(admin.isAdmin)).toBe(true);
    expect(admin.passwordHash).not.toBe(password);
    expect(admin.passwordHash).not.toContain(password);
    expect(admin.passwordHash).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(await bcrypt.compare(password, admin.passwordHash)).toBe(true);
  });

  it("create <name> without --admin-password prints a generated password once, and only that one works", async () => {
    const run = await cli(["create", "beta", "--admin-email", "shared@example.test"], { domain: DOMAIN });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Created workspace beta (beta.${DOMAIN}) with its admin shared@example.test`);
    const match = /password \(shown once[^)]*\): (\S+)\n/.exec(run.stdout);
    if (!match) throw new Error(`no password in:\n${run.stdout}`);
    const password = match[1];
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(run.stdout.split(password)).toHaveLength(2);

    const [admin] = await peopleOf("beta");
    expect(Boolean(admin.isAdmin)).toBe(true);
    expect(await bcrypt.compare(password, admin.passwordHash)).toBe(true);
  });

  it("the same email may be the admin of two workspaces, each with its own password", async () => {
    const run = await cli([
      "create",
      "gamma",
      "--admin-email",
      "SHARED@example.test",
      "--admin-password",
      "gamma-pw-1",
    ]);
    expect(run.status).toBe(0);
    const rows = await sql<Person>(`SELECT * FROM "User" WHERE "email" = ? ORDER BY "workspaceId"`, [
      "shared@example.test",
    ]);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.workspaceId))).toEqual(
      new Set([await workspaceId("beta"), await workspaceId("gamma")]),
    );
    expect(rows.every((row) => Boolean(row.isAdmin))).toBe(true);
    const [gamma] = await peopleOf("gamma");
    expect(await bcrypt.compare("gamma-pw-1", gamma.passwordHash)).toBe(true);
    const [beta] = await peopleOf("beta");
    expect(await bcrypt.compare("gamma-pw-1", beta.passwordHash)).toBe(false);

    // The default workspace's admin's email too.
    const same = await cli(["create", "delta", "--admin-email", DEFAULT_ADMIN.email, "--admin-password", "delta-pw-1"]);
    expect(same.status).toBe(0);
    expect(await count(`"User" WHERE "email" = ?`, [DEFAULT_ADMIN.email])).toBe(2);
  });

  it("create with a name that is taken is refused and writes nothing", async () => {
    const before = await snapshot();
    const run = await cli(["create", "acme", "--admin-email", "intruder@acme.test", "--admin-password", "pw-123456"]);
    expectRefused(run, /^A workspace named acme already exists\n$/);
    expect(run.stdout).toBe("");
    expect(await snapshot()).toEqual(before);
    expect(await count(`"User" WHERE "email" = ?`, ["intruder@acme.test"])).toBe(0);
  });

  it("refuses every name the rules forbid, and takes the 2- and 40-character limits", async () => {
    const before = await snapshot();
    const bad = ["a", "x".repeat(41), "Acme", "-acme", "acme-", "a.b"];
    const reserved = ["www", "api", "default"];
    // Every name after "--", so that "-acme" is read as a name, not as an option (see the next test).
    const runs = await Promise.all(
      [...bad, ...reserved].map((name) =>
        cli(["create", "--admin-email", "someone@example.test", "--admin-password", "pw-123456", "--", name]),
      ),
    );
    runs.forEach((run, i) => {
      const name = [...bad, ...reserved][i];
      expectRefused(run, i < bad.length ? NAME_RULE : RESERVED);
      expect(run.stderr).toContain(JSON.stringify(name));
    });
    expect(await snapshot()).toEqual(before);

    const limits = await Promise.all(
      ["ab", "z".repeat(40)].map((name) =>
        cli(["create", name, "--admin-email", "limit@example.test", "--admin-password", "pw-123456"]),
      ),
    );
    expect(limits.map((run) => run.status)).toEqual([0, 0]);
    expect(await workspaceNames()).toEqual(expect.arrayContaining(["ab", "z".repeat(40)]));
  });

  it("refuses a bad --admin-email, a short --admin-password and incomplete commands, writing nothing", async () => {
    const before = await snapshot();
    const [dashName, badEmail, noEmail, shortPassword, ...usage] = await Promise.all([
      cli(["create", "-echo", "--admin-email", "e@example.test"]),
      cli(["create", "echo", "--admin-email", "not-an-email"]),
      cli(["create", "echo"]),
      cli(["create", "echo", "--admin-email", "e@example.test", "--admin-password", "short"]),
      cli([]),
      cli(["create"]),
      cli(["rename", "acme"]),
      cli(["frobnicate", "acme"]),
    ]);
    // A name with a leading hyphen before "--" reads as an unknown option: refused all the same.
    expectRefused(dashName, /^Unknown option '-e'/);
    expectRefused(badEmail, /^--admin-email must be an email address\n$/);
    expectRefused(noEmail, /^--admin-email must be an email address\n$/);
    expectRefused(shortPassword, /^--admin-password must be at least 8 characters\n$/);
    for (const run of usage) {
      expectRefused(run, /^Usage: npm run workspace -- <command>\n/);
      expect(run.stderr).toContain("create <name> --admin-email <email> [--admin-password <password>]");
      expect(run.stderr).toContain("delete <name> [--yes]");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("list shows every workspace with its people and tokens", async () => {
    const [acmeAdmin] = await peopleOf("acme");
    await insertToken(acmeAdmin.id);
    await insertToken(acmeAdmin.id);
    const [gammaAdmin] = await peopleOf("gamma");
    await insertToken(gammaAdmin.id);
    // A second person in gamma.
    await sql(`INSERT INTO "User" ("id", "workspaceId", "email", "name", "passwordHash") VALUES (?, ?, ?, ?, ?)`, [
      randomUUID(),
      gammaAdmin.workspaceId,
      "member@gamma.test",
      "Member",
      "x",
    ]);

    const run = await cli(["list"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME +PEOPLE +TOKENS +CREATED$/);
    const rows = lines.slice(1).map((line) => line.split(/ +/));
    expect(rows.map((row) => row[0])).toEqual(await workspaceNames());
    const byName = new Map(rows.map(([name, people, tokens, created]) => [name, { people, tokens, created }]));
    expect(byName.get("default")).toMatchObject({ people: "1", tokens: "0" });
    expect(byName.get("acme")).toMatchObject({ people: "1", tokens: "2" });
    expect(byName.get("beta")).toMatchObject({ people: "1", tokens: "0" });
    expect(byName.get("gamma")).toMatchObject({ people: "2", tokens: "1" });
    for (const row of byName.values()) expect(row.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The columns line up under their headings.
    const tokensColumn = lines[0].indexOf("TOKENS");
    for (const line of lines.slice(1)) expect(line[tokensColumn]).toMatch(/\d/);
  });

  it("rename moves the workspace, with its people, to the new name", async () => {
    const before = await peopleOf("gamma");
    const run = await cli(["rename", "gamma", "gamma-2"], { domain: DOMAIN });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Renamed gamma to gamma-2 (gamma-2.${DOMAIN})`);
    expect(await workspaceId("gamma")).toBeNull();
    expect(await peopleOf("gamma")).toEqual([]);
    expect(await peopleOf("gamma-2")).toEqual(before);
  });

  it("rename is refused to its own, a taken, reserved or bad name, from the default or an unknown workspace", async () => {
    const before = await snapshot();
    const [same, taken, toDefault, badName, fromDefault, unknown] = await Promise.all([
      cli(["rename", "gamma-2", "gamma-2"]),
      cli(["rename", "gamma-2", "acme"]),
      cli(["rename", "gamma-2", "default"]),
      cli(["rename", "gamma-2", "Gamma"]),
      cli(["rename", "default", "main"]),
      cli(["rename", "nope", "nope-2"]),
    ]);
    expectRefused(same, /^The workspace is already named gamma-2\n$/);
    expectRefused(taken, /^A workspace named acme already exists\n$/);
    expectRefused(toDefault, RESERVED);
    expectRefused(badName, NAME_RULE);
    expectRefused(fromDefault, /^The default workspace cannot be renamed or deleted\n$/);
    expectRefused(unknown, /^There is no workspace named nope\n$/);
    expect(await snapshot()).toEqual(before);
  });

  it("delete --yes removes the workspace, its people, their tokens and its audit trail, and nothing else", async () => {
    const acme = await existingWorkspaceId("acme");
    const [acmeAdmin] = await peopleOf("acme");
    const acmeTokens = (
      await sql<{ id: string }>(`SELECT "id" FROM "AccessToken" WHERE "userId" = ?`, [acmeAdmin.id])
    ).map((row) => row.id);
    expect(acmeTokens).toHaveLength(2);
    await insertAuditEvent(acme, acmeAdmin.id);
    await insertAuditEvent(acme, acmeAdmin.id);

    const [betaAdmin] = await peopleOf("beta");
    const betaToken = await insertToken(betaAdmin.id);
    const betaEvent = await insertAuditEvent(await existingWorkspaceId("beta"), betaAdmin.id);
    const defaultEvent = await insertAuditEvent("default", betaAdmin.id);
    const others = await sql(`SELECT "id" FROM "User" WHERE "workspaceId" <> ? ORDER BY "id"`, [acme]);
    const otherTokens = await count(`"AccessToken" WHERE "userId" <> ?`, [acmeAdmin.id]);

    const run = await cli(["delete", "acme", "--yes"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("Deleted workspace acme (1 person)\n");
    expect(run.stdout).not.toContain("Type the name");

    expect(await workspaceId("acme")).toBeNull();
    expect(await count(`"User" WHERE "workspaceId" = ?`, [acme])).toBe(0);
    expect(await count(`"AccessToken" WHERE "userId" = ?`, [acmeAdmin.id])).toBe(0);
    for (const tokenId of acmeTokens) expect(await count(`"token_usage_days" WHERE "tokenId" = ?`, [tokenId])).toBe(0);
    expect(await count(`"audit_events" WHERE "workspaceId" = ?`, [acme])).toBe(0);

    // Everyone else's people, tokens and events are still there.
    expect(await sql(`SELECT "id" FROM "User" ORDER BY "id"`)).toEqual(others);
    expect(await count(`"AccessToken"`)).toBe(otherTokens);
    expect(await count(`"AccessToken" WHERE "id" = ?`, [betaToken])).toBe(1);
    expect(await count(`"token_usage_days" WHERE "tokenId" = ?`, [betaToken])).toBe(1);
    expect(await count(`"audit_events" WHERE "id" IN (?, ?)`, [betaEvent, defaultEvent])).toBe(2);

    // The name is free again.
    const again = await cli(["create", "acme", "--admin-email", "ops@acme.test", "--admin-password", "pw-123456"]);
    expect(again.status).toBe(0);
  });

  it("delete without --yes asks for the name: a wrong answer deletes nothing, the right one deletes", async () => {
    const before = await snapshot();
    const wrong = await cli(["delete", "beta"], { input: "acme\n" });
    expect(wrong.stdout).toContain("Type the name to confirm:");
    expectRefused(wrong, /^Not deleted: the name typed was not beta\n$/);
    expect(await snapshot()).toEqual(before);

    const right = await cli(["delete", "beta"], { input: "beta\n" });
    expect(right.stderr).toBe("");
    expect(right.status).toBe(0);
    expect(right.stdout).toContain("Type the name to confirm:");
    expect(right.stdout).toContain("Deleted workspace beta (1 person)");
    expect(await workspaceId("beta")).toBeNull();
    // The other admin with the same email, in gamma-2, is still there.
    expect(await count(`"User" WHERE "email" = ?`, ["shared@example.test"])).toBe(1);
  });

  // No terminal, `< /dev/null` or a closed pipe: input that ends before a line is no confirmation. (It once
  // waited for ever, holding the start-up lock on PostgreSQL.)
  it("delete without --yes and with stdin closed before a line says Not deleted, exits 1, deletes nothing", async () => {
    const closed = await cli(["delete", "delta"], { input: "", timeoutMs: 8_000 });
    expectRefused(closed, /^Not deleted: the name typed was not delta\n$/);
    expect(await workspaceId("delta")).not.toBeNull();
  });

  it("a name piped without a newline still confirms", async () => {
    const piped = await cli(["delete", "delta"], { input: "delta", timeoutMs: 8_000 });
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
    expect(await workspaceId("delta")).toBeNull();
  });

  it("a new database's default admin gets a generated password, printed once, when ADMIN_PASSWORD is unset", async () => {
    const freshDir = mkdtempSync(path.join(os.tmpdir(), "tessera-workspace-cli-fresh-"));
    const freshDatabase = usingPostgres ? await createTestDatabase("tessera_workspace_cli_fresh") : undefined;
    const fresh = { dataDir: freshDir, databaseUrl: freshDatabase?.url ?? "" };
    try {
      const run = await cli(["list"], { fresh });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Created the default workspace's first admin: ${DEFAULT_ADMIN.email}`);
      const password = /password \(shown once[^)]*\): (\S+)\n/.exec(run.stdout)?.[1];
      expect(password?.length).toBeGreaterThanOrEqual(12);
      expect(run.stdout).toMatch(/^NAME +PEOPLE +TOKENS +CREATED\ndefault +1 +0 /m);

      const again = await cli(["list"], { fresh });
      expect(again.status).toBe(0);
      expect(again.stdout).not.toContain("first admin");
      expect(again.stdout).not.toContain(password);
    } finally {
      await freshDatabase?.drop();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it("the default workspace cannot be deleted, nor an unknown one", async () => {
    const before = await snapshot();
    const [withYes, unknown] = await Promise.all([
      cli(["delete", "default", "--yes"]),
      cli(["delete", "nope", "--yes"]),
    ]);
    expectRefused(withYes, /^The default workspace cannot be renamed or deleted\n$/);
    expectRefused(unknown, /^There is no workspace named nope\n$/);
    expect(await snapshot()).toEqual(before);
    expect(await peopleOf("default")).toHaveLength(1);
  });
});

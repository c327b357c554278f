// `npm run workspace -- <command>`: the operator creates, lists, renames and deletes workspaces
// (lib/workspaces/manage.ts), on the database of the settings (DATABASE_URL, DATA_DIR), migrated first.
//   create <name> --admin-email <email> [--admin-password <password>]   a random password is printed once
//   list
//   rename <name> <new-name>
//   delete <name> [--yes]                                               asks for the name again unless --yes
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { databaseConfig } from "@/lib/db/config";
import { createDbClient, type PrismaClient } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrations";
import { withStartupLock } from "@/lib/db/startup-lock";
import { env } from "@/lib/env";
import { bootstrap } from "@/lib/setup/bootstrap";
import { describeDatabaseError } from "@/lib/setup/describe-database-error";
import { createPersonSchema } from "@/lib/validations/people";
import {
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  renameWorkspace,
  WorkspaceCommandError,
} from "@/lib/workspaces/manage";
import { settingsOrStop } from "./cannot-start";

const USAGE = `Usage: npm run workspace -- <command>
  create <name> --admin-email <email> [--admin-password <password>]
  list
  rename <name> <new-name>
  delete <name> [--yes]`;

const adminSchema = createPersonSchema.pick({ email: true, password: true });

type Options = { "admin-email"?: string; "admin-password"?: string; yes?: boolean };
/** What to do with the database, and the name to have typed again first (delete without --yes). */
type Command = { run: (db: PrismaClient) => Promise<void>; confirmName?: string };

/** The command the arguments name, checked before the database is opened. */
function parseCommand(argv: string[]): Command {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "admin-email": { type: "string" },
      "admin-password": { type: "string" },
      yes: { type: "boolean", default: false },
    },
  });
  const [command, name, newName, ...rest] = positionals;
  if (command === "list" && name === undefined) return { run: list };
  if (command === "create" && name !== undefined && newName === undefined) {
    return { run: (db) => create(db, name, values) };
  }
  if (command === "rename" && name !== undefined && newName !== undefined && rest.length === 0) {
    return { run: (db) => rename(db, name, newName) };
  }
  if (command === "delete" && name !== undefined && newName === undefined) {
    return { run: (db) => remove(db, name), confirmName: values.yes ? undefined : name };
  }
  throw new WorkspaceCommandError(USAGE);
}

async function create(db: PrismaClient, name: string, options: Options): Promise<void> {
  const parsed = adminSchema.safeParse({
    email: options["admin-email"] ?? "",
    password: options["admin-password"] ?? "a generated password",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.path[0] === "email" ? "--admin-email" : "--admin-password";
    throw new WorkspaceCommandError(`${option} ${issue?.message ?? "is not valid"}`);
  }
  const admin = { email: parsed.data.email, password: options["admin-password"] ?? null };
  const created = await createWorkspace(db, name, admin);
  say(`Created workspace ${name}${hostOf(name)} with its admin ${created.admin.email}`);
  if (created.admin.generatedPassword) {
    say(`The admin's password (shown once; change it under Preferences > Profile): ${created.admin.generatedPassword}`);
  }
}

async function list(db: PrismaClient): Promise<void> {
  const rows = (await listWorkspaces(db)).map((w) => [
    w.name,
    String(w.people),
    String(w.tokens),
    w.createdAt.toISOString(),
  ]);
  const table = [["NAME", "PEOPLE", "TOKENS", "CREATED"], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table)
    say(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    );
}

async function rename(db: PrismaClient, name: string, newName: string): Promise<void> {
  if (newName === name) throw new WorkspaceCommandError(`The workspace is already named ${name}`);
  await renameWorkspace(db, name, newName);
  say(`Renamed ${name} to ${newName}${hostOf(newName)}; ${name} is no longer an address.`);
}

async function remove(db: PrismaClient, name: string): Promise<void> {
  const { people } = await deleteWorkspace(db, name);
  say(`Deleted workspace ${name} (${people} ${people === 1 ? "person" : "people"})`);
}

/**
 * delete asks for the name again (unless --yes) before the database is opened, so that nobody typing holds the
 * start-up lock. Input that ends before a line (no terminal, /dev/null) is no confirmation.
 */
async function confirmDelete(name: string): Promise<void> {
  process.stdout.write(`This deletes ${name}'s people, tokens and audit trail for good. Type the name to confirm: `);
  // The first line, or what was piped without a newline (readline hands that over as a last line, not as the
  // answer to question()), or nothing when the input ends.
  const lines = createInterface({ input: process.stdin });
  const answer = await new Promise<string>((resolve) => {
    lines.once("line", resolve);
    lines.once("close", () => resolve(""));
  }).finally(() => lines.close());
  if (answer.trim() !== name) throw new WorkspaceCommandError(`Not deleted: the name typed was not ${name}`);
}

function hostOf(name: string): string {
  const domain = env().WORKSPACE_DOMAIN;
  return domain ? ` (${name}.${domain})` : " (set WORKSPACE_DOMAIN to serve it at its own host name)";
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const settings = settingsOrStop();
const config = databaseConfig(settings.DATABASE_URL);
const admin = { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD ?? null };
let exitCode = 0;
try {
  const command = parseCommand(process.argv.slice(2));
  if (command.confirmName !== undefined) await confirmDelete(command.confirmName);
  await withStartupLock(config, async () => {
    await applyMigrations(config);
    const db = createDbClient(config);
    try {
      // As at the first start: the default workspace, and its first admin when the database is new.
      const { createdAdmin } = await bootstrap(db, admin);
      if (createdAdmin) {
        say(`Created the default workspace's first admin: ${createdAdmin.email}`);
        if (createdAdmin.generatedPassword) say(`Its password (shown once): ${createdAdmin.generatedPassword}`);
      }
      await command.run(db);
    } finally {
      await db.$disconnect();
    }
  });
} catch (error) {
  exitCode = 1;
  if (error instanceof WorkspaceCommandError || (error instanceof TypeError && "code" in error)) {
    console.error(error.message);
  } else {
    console.error(describeDatabaseError(error, config));
  }
}
process.exit(exitCode);

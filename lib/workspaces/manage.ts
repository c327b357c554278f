// The operator's work on workspaces (`npm run workspace`, scripts/workspace.ts), and the first start's
// (lib/setup/bootstrap.ts): on a database client of their own, outside any request, so no actor and no audit
// trail (whoever runs them can already read the database). The default workspace can be neither renamed nor
// deleted: the bare WORKSPACE_DOMAIN, and every host without it, is its address.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import type { PrismaClient } from "@/lib/db/connect";
import { errorLabel } from "@/lib/errors";
import { normalizeEmail } from "@/lib/validations/email";
import { DEFAULT_WORKSPACE, workspaceNameProblem } from "./names";

/** A refusal of the operator's request, with a message for the terminal. */
export class WorkspaceCommandError extends Error {}

export type AdminAccount = { email: string; password: string | null };
export type CreatedAdmin = { email: string; generatedPassword: string | null };
export type WorkspaceSummary = { name: string; people: number; tokens: number; createdAt: Date };

/** A workspace and its first admin; a password is generated (and returned, to show once) when none is given. */
export async function createWorkspace(
  db: PrismaClient,
  name: string,
  admin: AdminAccount,
): Promise<{ id: string; admin: CreatedAdmin }> {
  checkName(name);
  const id = randomUUID();
  const person = await adminPerson(id, admin);
  try {
    await db.$transaction([db.workspace.create({ data: { id, name } }), db.user.create({ data: person.data })]);
  } catch (error) {
    if (errorLabel(error) === "P2002") throw new WorkspaceCommandError(`A workspace named ${name} already exists`);
    throw error;
  }
  return { id, admin: person.created };
}

/** The default workspace, created at the first start with its first admin while it has nobody. */
export async function ensureDefaultWorkspace(db: PrismaClient, admin: AdminAccount): Promise<CreatedAdmin | null> {
  const { id, name } = DEFAULT_WORKSPACE;
  await db.workspace.upsert({ where: { id }, create: { id, name }, update: {} });
  if ((await db.user.count({ where: { workspaceId: id } })) > 0) return null;
  const person = await adminPerson(id, admin);
  await db.user.create({ data: person.data });
  return person.created;
}

export async function listWorkspaces(db: PrismaClient): Promise<WorkspaceSummary[]> {
  const workspaces = await db.workspace.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, createdAt: true, _count: { select: { users: true } } },
  });
  return Promise.all(
    workspaces.map(async (workspace) => ({
      name: workspace.name,
      people: workspace._count.users,
      tokens: await db.accessToken.count({ where: { user: { workspaceId: workspace.id } } }),
      createdAt: workspace.createdAt,
    })),
  );
}

/** A new name, so a new host name: the old one answers 404 (every instance within a few seconds). */
export async function renameWorkspace(db: PrismaClient, name: string, newName: string): Promise<void> {
  const id = await existingWorkspaceId(db, name);
  checkName(newName);
  try {
    await db.workspace.update({ where: { id }, data: { name: newName } });
  } catch (error) {
    if (errorLabel(error) === "P2002") throw new WorkspaceCommandError(`A workspace named ${newName} already exists`);
    throw error;
  }
}

/** The workspace with everything in it: its people (with their tokens, sessions and usage) and its audit trail. */
export async function deleteWorkspace(db: PrismaClient, name: string): Promise<{ people: number }> {
  const id = await existingWorkspaceId(db, name);
  const [, people] = await db.$transaction([
    db.auditEvent.deleteMany({ where: { workspaceId: id } }),
    db.user.deleteMany({ where: { workspaceId: id } }),
    db.workspace.delete({ where: { id } }),
  ]);
  return { people: people.count };
}

async function existingWorkspaceId(db: PrismaClient, name: string): Promise<string> {
  if (name === DEFAULT_WORKSPACE.name) {
    throw new WorkspaceCommandError("The default workspace cannot be renamed or deleted");
  }
  const workspace = await db.workspace.findUnique({ where: { name }, select: { id: true } });
  if (!workspace) throw new WorkspaceCommandError(`There is no workspace named ${name}`);
  return workspace.id;
}

function checkName(name: string): void {
  const problem = workspaceNameProblem(name);
  if (problem) throw new WorkspaceCommandError(`The name ${JSON.stringify(name.slice(0, 60))} ${problem}`);
}

async function adminPerson(workspaceId: string, admin: AdminAccount) {
  const password = admin.password ?? randomBytes(12).toString("base64url");
  const data = {
    id: randomUUID(),
    workspaceId,
    email: normalizeEmail(admin.email),
    name: "Admin",
    passwordHash: await hashPassword(password),
    isAdmin: true,
  };
  return { data, created: { email: data.email, generatedPassword: admin.password ? null : password } };
}

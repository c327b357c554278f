// First start: the workspace row and, when there are no people yet, the first admin.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import type { PrismaClient } from "@/lib/db/connect";

export const WORKSPACE_ID = "default";

export type BootstrapResult = { createdAdmin: { email: string; generatedPassword: string | null } | null };

export async function bootstrap(
  db: PrismaClient,
  admin: { email: string; password: string | null },
): Promise<BootstrapResult> {
  await db.workspace.upsert({ where: { id: WORKSPACE_ID }, create: { id: WORKSPACE_ID, name: "Tessera" }, update: {} });
  if ((await db.user.count()) > 0) return { createdAdmin: null };
  const password = admin.password ?? randomBytes(12).toString("base64url");
  await db.user.create({
    data: {
      id: randomUUID(),
      workspaceId: WORKSPACE_ID,
      email: admin.email,
      name: "Admin",
      passwordHash: await hashPassword(password),
      isAdmin: true,
    },
  });
  return { createdAdmin: { email: admin.email, generatedPassword: admin.password ? null : password } };
}

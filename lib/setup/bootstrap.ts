// First start: the default workspace and, while it has nobody yet, its first admin (lib/workspaces/manage.ts).
import type { PrismaClient } from "@/lib/db/connect";
import { ensureDefaultWorkspace, type AdminAccount, type CreatedAdmin } from "@/lib/workspaces/manage";

export type BootstrapResult = { createdAdmin: CreatedAdmin | null };

export async function bootstrap(db: PrismaClient, admin: AdminAccount): Promise<BootstrapResult> {
  return { createdAdmin: await ensureDefaultWorkspace(db, admin) };
}

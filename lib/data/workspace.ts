import "server-only";
import type { z } from "zod";
import { changedFields } from "@/lib/audit/changes";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import type { workspaceSettingsSchema } from "@/lib/openapi/schemas";
import type { UpdateWorkspaceSettingsInput } from "@/lib/validations/workspace-settings";
import { assertAdmin, type Actor } from "./actor";
import { recordAuditEvent } from "./audit-record";

/** The contract's WorkspaceSettings (lib/openapi/schemas.ts): the token policy. */
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

const settingsSelect = {
  apiAccessTokensEnabled: true,
  usersCanGenerateApiAccessTokens: true,
  maxUserTokenLifetimeDays: true,
} as const;

/** The settings that shape token policy, for an admin to change. */
export async function getWorkspaceSettings(actor: Actor): Promise<WorkspaceSettings> {
  assertAdmin(actor);
  return db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: settingsSelect });
}

/**
 * Changes the settings; returns them before and after, read and written in one transaction with the
 * settings.changed event (recorded only when something changed).
 */
export async function updateWorkspaceSettings(
  actor: Actor,
  input: UpdateWorkspaceSettingsInput,
  source: AuditSource,
): Promise<{ before: WorkspaceSettings; after: WorkspaceSettings }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: settingsSelect });
    const after = await tx.workspace.update({ where: { id: actor.workspaceId }, data: input, select: settingsSelect });
    const changed = changedFields(before, after);
    if (changed) {
      await recordAuditEvent(tx, {
        type: "settings.changed",
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        source,
        details: changed,
      });
    }
    return { before, after };
  });
}

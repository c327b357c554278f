import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditEventType } from "@/lib/audit/event-types";
import type { AuditSource } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import { errorLabel } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";

/** One event, as the code that acts describes it. Never put a token value or a password in details. */
export type AuditEventInput = {
  type: AuditEventType;
  /** null for instance-wide events (an address blocked for failed attempts). */
  workspaceId: string | null;
  /** Who acted; null when nobody was authenticated. */
  actorId: string | null;
  source: AuditSource;
  /** The person the event is about. */
  subjectId?: string | null;
  /** The token the event is about (its public id). */
  tokenId?: string | null;
  details?: Record<string, unknown>;
};

/** A writer of events: the client, or the transaction of the action the event records. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

export function auditEventRow(input: AuditEventInput, occurredAt = new Date()): Prisma.AuditEventCreateInput {
  return {
    id: randomUUID(),
    workspaceId: input.workspaceId,
    occurredAt,
    type: input.type,
    actorId: input.actorId,
    actorMethod: input.source.method,
    actorTokenId: input.source.tokenId,
    subjectId: input.subjectId ?? null,
    tokenId: input.tokenId ?? null,
    clientAddress: input.source.clientAddress,
    userAgent: input.source.userAgent,
    details: JSON.stringify(input.details ?? {}),
  };
}

/** Writes the event with the action's own transaction, so there is never one without the other. */
export async function recordAuditEvent(writer: AuditWriter, input: AuditEventInput): Promise<void> {
  await writer.auditEvent.create({ data: auditEventRow(input) });
}

/**
 * For events that are not part of a write (a token's first use, a throttle): a failure is logged and the
 * request goes on. Only the event type and the error's code or name are logged, never the event's data.
 */
export async function recordAuditEventSafely(input: AuditEventInput): Promise<void> {
  try {
    await recordAuditEvent(db, input);
  } catch (error) {
    console.error(`Could not record the audit event ${input.type}:`, errorLabel(error));
  }
}

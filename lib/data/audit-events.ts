import "server-only";
import type { z } from "zod";
import type { AuditEventType } from "@/lib/audit/event-types";
import type { AuditFilters } from "@/lib/audit/filters";
import type { AuthMethod } from "@/lib/audit/source";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { auditEventSchema } from "@/lib/openapi/schemas";
import { DEFAULT_WORKSPACE } from "@/lib/workspaces/names";
import { assertAdmin, type Actor } from "./actor";

/** The contract's AuditEvent (lib/openapi/schemas.ts). */
export type AuditEventView = z.infer<typeof auditEventSchema>;

type Row = Prisma.AuditEventGetPayload<object>;

/**
 * Whose events: the workspace's and the instance-wide ones (admins only), or the actor's own, those about them
 * (their tokens, their account).
 */
export type AuditScope = "workspace" | "own";

/**
 * The audit trail, newest first. In their own events, asking for another person's is a 403, and the client
 * address, user agent and token of an event show only where the actor caused it themselves: not where an admin
 * (or an anonymous caller) works from.
 */
export async function listAuditEvents(
  actor: Actor,
  scope: AuditScope,
  filters: AuditFilters,
  page: { limit: number; offset: number },
): Promise<{ data: AuditEventView[]; count: number }> {
  if (scope === "workspace") assertAdmin(actor);
  const workspace = scope === "workspace";
  const where = { AND: [scopeCondition(actor, workspace, filters), ...conditions(actor, workspace, filters)] };
  const [rows, count] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: page.limit,
      skip: page.offset,
    }),
    db.auditEvent.count({ where }),
  ]);
  const emails = await emailsOf(actor.workspaceId, rows);
  const view = (row: Row) => toView(row, emails, workspace || row.actorId === actor.userId);
  return { data: rows.map(view), count };
}

function scopeCondition(actor: Actor, workspace: boolean, filters: AuditFilters): Prisma.AuditEventWhereInput {
  // Instance-wide events (no one workspace's) are the operator's: the default workspace's admins see them.
  if (workspace && actor.workspaceId === DEFAULT_WORKSPACE.id) {
    return { OR: [{ workspaceId: actor.workspaceId }, { workspaceId: null }] };
  }
  if (workspace) return { workspaceId: actor.workspaceId };
  if (filters.personId !== undefined && filters.personId !== actor.userId) {
    throw forbidden("Only workspace admins may read other people's activity");
  }
  return { workspaceId: actor.workspaceId, subjectId: actor.userId };
}

function conditions(actor: Actor, workspace: boolean, filters: AuditFilters): Prisma.AuditEventWhereInput[] {
  const all: Prisma.AuditEventWhereInput[] = [];
  if (filters.personId) all.push({ OR: [{ actorId: filters.personId }, { subjectId: filters.personId }] });
  if (filters.tokenId) {
    // Done with a token: in one's own events only one's own, so the filter cannot reveal another's token.
    const usedBy = workspace ? {} : { actorId: actor.userId };
    all.push({ OR: [{ tokenId: filters.tokenId }, { actorTokenId: filters.tokenId, ...usedBy }] });
  }
  if (filters.types) all.push({ type: { in: filters.types } });
  if (filters.since) all.push({ occurredAt: { gte: filters.since } });
  if (filters.until) all.push({ occurredAt: { lte: filters.until } });
  return all;
}

/** The current emails of the people on the page; a person deleted since shows by id alone. */
async function emailsOf(workspaceId: string, rows: Row[]): Promise<Map<string, string>> {
  const ids = new Set(rows.flatMap((row) => [row.actorId, row.subjectId]).filter((id) => id !== null));
  if (ids.size === 0) return new Map();
  const people = await db.user.findMany({
    where: { id: { in: [...ids] }, workspaceId },
    select: { id: true, email: true },
  });
  return new Map(people.map((person) => [person.id, person.email]));
}

function toView(row: Row, emails: Map<string, string>, withFootprint: boolean): AuditEventView {
  return {
    id: row.id,
    type: row.type as AuditEventType,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      personId: row.actorId,
      email: row.actorId === null ? null : (emails.get(row.actorId) ?? null),
      method: row.actorMethod as AuthMethod,
      tokenId: withFootprint ? row.actorTokenId : null,
    },
    person: row.subjectId === null ? null : { id: row.subjectId, email: emails.get(row.subjectId) ?? null },
    tokenId: row.tokenId,
    clientAddress: withFootprint ? row.clientAddress : null,
    userAgent: withFootprint ? row.userAgent : null,
    details: parseDetails(row.details),
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

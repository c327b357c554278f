import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { changedFields } from "@/lib/audit/changes";
import type { AuditSource } from "@/lib/audit/source";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import type { personSchema, personSummarySchema } from "@/lib/openapi/schemas";
import { isPersonId } from "@/lib/validations/common";
import { normalizeEmail } from "@/lib/validations/email";
import type { CreatePersonInput, UpdatePersonInput } from "@/lib/validations/people";
import { assertAdmin, type Actor } from "./actor";
import { auditEventRow, recordAuditEvent } from "./audit-record";
import { endSessionsOf } from "./sessions";

/** The contract's Person (lib/openapi/schemas.ts): never a password or hash. */
export type Person = z.infer<typeof personSchema>;
/** A Person as the People list shows them, with how many tokens they hold. */
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  isDisabled: true,
  canGenerateApiAccessTokens: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

type PersonRow = Omit<Person, "createdAt" | "lastLoginTime"> & { createdAt: Date; lastLoginAt: Date | null };

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin,
    isDisabled: row.isDisabled,
    canGenerateApiAccessTokens: row.canGenerateApiAccessTokens,
    createdAt: row.createdAt.toISOString(),
    lastLoginTime: row.lastLoginAt?.toISOString() ?? null,
  };
}

const changeableSelect = { name: true, isAdmin: true, isDisabled: true, canGenerateApiAccessTokens: true } as const;

// Ids come from URLs and server action arguments: only a well-formed id string may reach a Prisma filter.
function requirePersonId(id: unknown): asserts id is string {
  if (!isPersonId(id)) throw notFound("Person");
}

export async function listPeople(
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<{ data: PersonSummary[]; count: number }> {
  assertAdmin(actor);
  const where = { workspaceId: actor.workspaceId };
  const [rows, count] = await Promise.all([
    db.user.findMany({
      where,
      select: { ...personSelect, _count: { select: { accessTokens: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: page.limit,
      skip: page.offset,
    }),
    db.user.count({ where }),
  ]);
  return { data: rows.map((row) => ({ ...toPerson(row), apiAccessTokenCount: row._count.accessTokens })), count };
}

export async function getPerson(actor: Actor, id: string): Promise<Person> {
  assertAdmin(actor);
  requirePersonId(id);
  const row = await db.user.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: personSelect });
  if (!row) throw notFound("Person");
  return toPerson(row);
}

/** Adds a person, with the person.created event in the same transaction (never the password). */
export async function createPerson(actor: Actor, input: CreatePersonInput, source: AuditSource): Promise<Person> {
  assertAdmin(actor);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    const [row] = await db.$transaction([
      db.user.create({
        data: { id, workspaceId: actor.workspaceId, email, name: input.name, passwordHash, isAdmin: input.isAdmin },
        select: personSelect,
      }),
      db.auditEvent.create({
        data: auditEventRow({
          type: "person.created",
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          source,
          subjectId: id,
          details: { email, name: input.name, isAdmin: input.isAdmin },
        }),
      }),
    ]);
    return toPerson(row);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw conflict("email", `a person with the email ${email} already exists`);
    }
    throw error;
  }
}

/**
 * Changes a person's name, role, status or individual token access. The workspace always keeps at least
 * one enabled admin, checked inside the write transaction so two admins cannot demote each other at once.
 * The person.changed event (the changed fields before and after) is written in that transaction too, and so
 * is ending the person's sessions when they are disabled (person.sessions_ended).
 */
export async function updatePerson(
  actor: Actor,
  id: string,
  input: UpdatePersonInput,
  source: AuditSource,
): Promise<Person> {
  assertAdmin(actor);
  requirePersonId(id);
  if (id === actor.userId && input.isDisabled === true) {
    throw conflict("isDisabled", "you cannot disable your own account");
  }
  return db.$transaction(async (tx) => {
    // Writing the workspace row first makes concurrent role changes take turns (a row lock on
    // PostgreSQL, the write lock on SQLite), so the count below cannot be stale.
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { updatedAt: new Date() } });
    const target = await tx.user.findFirst({
      where: { id, workspaceId: actor.workspaceId },
      select: changeableSelect,
    });
    if (!target) throw notFound("Person");
    const losesAdmin = target.isAdmin && !target.isDisabled && (input.isAdmin === false || input.isDisabled === true);
    if (losesAdmin) {
      const otherAdmins = await tx.user.count({
        where: { workspaceId: actor.workspaceId, isAdmin: true, isDisabled: false, id: { not: id } },
      });
      if (otherAdmins === 0) {
        const field = input.isAdmin === false ? "isAdmin" : "isDisabled";
        throw conflict(field, "the workspace must keep at least one enabled admin");
      }
    }
    const row = await tx.user.update({ where: { id }, data: input, select: personSelect });
    const { name, isAdmin, isDisabled, canGenerateApiAccessTokens } = row;
    const changed = changedFields(target, { name, isAdmin, isDisabled, canGenerateApiAccessTokens });
    if (changed) {
      await recordAuditEvent(tx, {
        type: "person.changed",
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        source,
        subjectId: id,
        details: changed,
      });
    }
    // Disabling ends every session for good: enabling the person again brings none back.
    const ended = isDisabled && !target.isDisabled ? await endSessionsOf(tx, id, "disabled") : 0;
    if (ended > 0) {
      await recordAuditEvent(tx, {
        type: "person.sessions_ended",
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        source,
        subjectId: id,
        details: { reason: "disabled", count: ended },
      });
    }
    return toPerson(row);
  });
}

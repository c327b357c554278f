// What each token does: its uses counted per UTC day (accepted and refused) and per address and user agent,
// counted in memory (lib/tokens/usage-buffer.ts) and added to the database as increments by the same periodic
// flush as lastUsed; read back for a token's page, the usage API and the lists' 30-day figures.
import "server-only";
import { retentionCutoff } from "@/lib/audit/retention";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { errorLabel, notFound } from "@/lib/errors";
import { isTokenId } from "@/lib/tokens/format";
import { UsageBuffer, utcDay, type UsageWriter } from "@/lib/tokens/usage-buffer";
import { visibleTo } from "./access-tokens";
import type { Actor } from "./actor";

const DAY_MS = 86_400_000;
/** The most clients (address and user agent) a token's usage lists, the most recently seen first. */
export const MAX_CLIENTS = 100;

/** Adds a batch of counts; counts of a token deleted since are dropped. One transaction. */
export function usageWriter(client: PrismaClient): UsageWriter {
  return async ({ days, clients }) => {
    const ids = [...new Set([...days, ...clients].map((count) => count.tokenId))];
    await client.$transaction(async (tx) => {
      const rows = await tx.accessToken.findMany({ where: { id: { in: ids } }, select: { id: true } });
      const existing = new Set(rows.map((row) => row.id));
      for (const { tokenId, day, accepted, refused } of days) {
        if (!existing.has(tokenId)) continue;
        await tx.tokenUsageDay.upsert({
          where: { tokenId_day: { tokenId, day } },
          create: { tokenId, day, accepted, refused },
          update: { accepted: { increment: accepted }, refused: { increment: refused } },
        });
      }
      for (const { tokenId, address, userAgent, firstSeenAt, lastSeenAt, count } of clients) {
        if (!existing.has(tokenId)) continue;
        const key = { tokenId, address, userAgent };
        await tx.tokenClient.upsert({
          where: { tokenId_address_userAgent: key },
          create: { ...key, firstSeenAt, lastSeenAt, count },
          update: { count: { increment: count } },
        });
        // Another instance may have written a later last use, or an earlier first one: never move them inwards.
        await tx.tokenClient.updateMany({ where: { ...key, lastSeenAt: { lt: lastSeenAt } }, data: { lastSeenAt } });
        await tx.tokenClient.updateMany({ where: { ...key, firstSeenAt: { gt: firstSeenAt } }, data: { firstSeenAt } });
      }
    });
  };
}

// One buffer per process, held on globalThis like the database client (lib/db/client.ts says why). Flushed with
// lastUsed, every LAST_USED_INTERVAL_SECONDS and at shutdown (lib/server/lifecycle.ts).
const globalForUsage = globalThis as unknown as { tesseraUsage?: UsageBuffer };
export const usageBuffer = (globalForUsage.tesseraUsage ??= new UsageBuffer(usageWriter(db), (error) =>
  console.error("Could not record token usage; will retry:", errorLabel(error)),
));

export type DailyUsage = { day: string; accepted: number; refused: number };
export type TokenClientUsage = {
  address: string;
  userAgent: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
};
export type TokenUsage = {
  tokenId: string;
  days: number;
  from: string;
  to: string;
  totals: { accepted: number; refused: number };
  /** Every day of the range, oldest first, zeros included. */
  daily: DailyUsage[];
  clients: TokenClientUsage[];
};

/** The UTC days of the last `days` days up to today, oldest first. */
export function lastDays(days: number, now = new Date()): string[] {
  return Array.from({ length: days }, (_, i) => utcDay(new Date(now.getTime() - (days - 1 - i) * DAY_MS)));
}

/**
 * A token's usage over the last `days` days, for its owner or a workspace admin (404 for anyone else). This
 * instance's counts are written first, so a single instance answers exactly; other instances' arrive within their
 * flush interval.
 */
export async function getTokenUsage(
  actor: Actor,
  tokenId: string,
  days: number,
  now = new Date(),
): Promise<TokenUsage> {
  if (!isTokenId(tokenId)) throw notFound("Token");
  const token = await db.accessToken.findFirst({
    where: visibleTo(actor, tokenId),
    select: { id: true },
  });
  if (!token) throw notFound("Token");
  await usageBuffer.flush();
  const range = lastDays(days, now);
  const [rows, clients] = await Promise.all([
    db.tokenUsageDay.findMany({
      where: { tokenId, day: { gte: range[0] } },
      select: { day: true, accepted: true, refused: true },
    }),
    db.tokenClient.findMany({ where: { tokenId }, orderBy: [{ lastSeenAt: "desc" }], take: MAX_CLIENTS }),
  ]);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const daily = range.map((day) => ({
    day,
    accepted: byDay.get(day)?.accepted ?? 0,
    refused: byDay.get(day)?.refused ?? 0,
  }));
  return {
    tokenId,
    days,
    from: range[0],
    to: range[range.length - 1],
    totals: {
      accepted: daily.reduce((sum, day) => sum + day.accepted, 0),
      refused: daily.reduce((sum, day) => sum + day.refused, 0),
    },
    daily,
    clients: clients.map((client) => ({
      address: client.address,
      userAgent: client.userAgent,
      firstSeen: client.firstSeenAt.toISOString(),
      lastSeen: client.lastSeenAt.toISOString(),
      count: client.count,
    })),
  };
}

/**
 * The accepted uses of each token over the last `days` days, one number per day, oldest first: the lists'
 * sparklines. One grouped read for a page of tokens. Callers have already checked who may see these tokens.
 */
export async function recentUsage(tokenIds: string[], days = 30, now = new Date()): Promise<Map<string, number[]>> {
  const range = lastDays(days, now);
  const index = new Map(range.map((day, i) => [day, i]));
  const usage = new Map(tokenIds.map((id) => [id, Array<number>(days).fill(0)]));
  if (tokenIds.length === 0) return usage;
  // This instance's latest uses first, so a token just used does not show "0 uses" beside its Last Used time.
  await usageBuffer.flush();
  const rows = await db.tokenUsageDay.findMany({
    where: { tokenId: { in: tokenIds }, day: { gte: range[0] } },
    select: { tokenId: true, day: true, accepted: true },
  });
  for (const row of rows) {
    const i = index.get(row.day);
    const series = usage.get(row.tokenId);
    if (i !== undefined && series) series[i] = row.accepted;
  }
  return usage;
}

/** Deletes the usage older than the audit trail's retention; with the audit events' pruning. */
export async function pruneTokenUsage(now = new Date(), days = env().AUDIT_RETENTION_DAYS): Promise<number> {
  const cutoff = retentionCutoff(now, days);
  if (!cutoff) return 0;
  const [usage, clients] = await Promise.all([
    db.tokenUsageDay.deleteMany({ where: { day: { lt: utcDay(cutoff) } } }),
    db.tokenClient.deleteMany({ where: { lastSeenAt: { lt: cutoff } } }),
  ]);
  return usage.count + clients.count;
}

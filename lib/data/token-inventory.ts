// Admin > Tokens and GET /v4/workspaces/current/apiAccessTokens: every token of the workspace, with its owner and
// its last 30 days of use, filtered by what an admin reviewing tokens asks (whose, which status, never expiring,
// unused for a while, never used) and sorted by creation, last use or expiry. Status is decided in SQL from the
// same policy as lib/tokens/policy.ts (tokenStatus), so that a filter and the status shown agree.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/connect";
import { notFound } from "@/lib/errors";
import { DAY_SECONDS, NON_EXPIRING, type TokenPolicy } from "@/lib/tokens/policy";
import type { TokenInventoryFilters } from "@/lib/validations/token-inventory";
import { assertAdmin, type Actor } from "./actor";
import { holderSelect, toTokenInfo, tokenRowSelect, type TokenInfo } from "./token-info";
import { recentUsage } from "./token-usage";

export type InventoryToken = TokenInfo & {
  owner: { id: string; email: string; name: string };
  /** Requests the token authenticated in the last 30 days (UTC days, today included). */
  uses30d: number;
};
export type Inventory = { data: InventoryToken[]; count: number };

type Where = Prisma.AccessTokenWhereInput;

/** Tokens whose own lifetime has not run out. */
const notExpired = (now: Date): Where => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** The owners who may hold working tokens under this policy (generateDenial in SQL). */
function permittedOwner(policy: TokenPolicy): Prisma.UserWhereInput {
  if (policy.usersCanGenerateApiAccessTokens) return { isDisabled: false };
  return { isDisabled: false, OR: [{ isAdmin: true }, { canGenerateApiAccessTokens: true }] };
}

function statusWhere(status: NonNullable<TokenInventoryFilters["status"]>, policy: TokenPolicy, now: Date): Where {
  if (status === "expired") return { expiresAt: { lte: now } };
  const cutoff =
    policy.maxUserTokenLifetimeDays === NON_EXPIRING
      ? null
      : new Date(now.getTime() - policy.maxUserTokenLifetimeDays * DAY_SECONDS * 1000);
  if (status === "blocked") {
    if (!policy.apiAccessTokensEnabled) return notExpired(now);
    const reasons: Where[] = [{ user: { NOT: permittedOwner(policy) } }];
    if (cutoff) reasons.push({ createdAt: { lte: cutoff } });
    return { AND: [notExpired(now), { OR: reasons }] };
  }
  if (!policy.apiAccessTokensEnabled) return { id: { in: [] } };
  return {
    AND: [notExpired(now), { user: permittedOwner(policy) }, ...(cutoff ? [{ createdAt: { gt: cutoff } }] : [])],
  };
}

function filterWhere(actor: Actor, filters: TokenInventoryFilters, policy: TokenPolicy, now: Date): Where {
  const and: Where[] = [{ user: { workspaceId: actor.workspaceId } }];
  if (filters.personId) and.push({ userId: filters.personId });
  if (filters.status) and.push(statusWhere(filters.status, policy, now));
  if (filters.neverExpires) and.push({ expiresAt: null });
  if (filters.neverUsed) and.push({ lastUsedAt: null });
  if (filters.unusedDays) {
    const since = new Date(now.getTime() - filters.unusedDays * DAY_SECONDS * 1000);
    and.push({ OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: since } }] });
  }
  return { AND: and };
}

function orderBy(sort: TokenInventoryFilters["sort"]): Prisma.AccessTokenOrderByWithRelationInput[] {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const field = sort.replace(/^-/, "");
  // Never used and never expiring sort last either way: they are the absence of a date, not an extreme one.
  const first: Prisma.AccessTokenOrderByWithRelationInput =
    field === "lastUsed"
      ? { lastUsedAt: { sort: direction, nulls: "last" } }
      : field === "expiry"
        ? { expiresAt: { sort: direction, nulls: "last" } }
        : { createdAt: direction };
  return [first, { createdAt: "desc" }, { id: "desc" }];
}

/** A page of the workspace's tokens (admins only), or all of them for an export (page null). */
export async function listWorkspaceTokens(
  actor: Actor,
  filters: TokenInventoryFilters,
  page: { limit: number; offset: number } | null,
  now = new Date(),
): Promise<Inventory> {
  assertAdmin(actor);
  const workspace = await db.workspace.findUnique({
    where: { id: actor.workspaceId },
    select: holderSelect.workspace.select,
  });
  if (!workspace) throw notFound("Workspace");
  const where = filterWhere(actor, filters, workspace, now);
  const [rows, count] = await Promise.all([
    db.accessToken.findMany({
      where,
      select: {
        ...tokenRowSelect,
        user: {
          select: {
            id: true,
            email: true,
            name: true,
            isAdmin: true,
            isDisabled: true,
            canGenerateApiAccessTokens: true,
          },
        },
      },
      orderBy: orderBy(filters.sort),
      ...(page && { take: page.limit, skip: page.offset }),
    }),
    db.accessToken.count({ where }),
  ]);
  const usage = await recentUsage(
    rows.map((row) => row.id),
    30,
    now,
  );
  return {
    data: rows.map((row) => ({
      ...toTokenInfo(row, row.user, workspace, now),
      owner: { id: row.user.id, email: row.user.email, name: row.user.name },
      uses30d: (usage.get(row.id) ?? []).reduce((sum, n) => sum + n, 0),
    })),
    count,
  };
}

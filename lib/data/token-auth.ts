import "server-only";
import { db } from "@/lib/db";
import { LastUsedBuffer } from "@/lib/tokens/last-used-buffer";

/** One indexed read that brings together the token, its owner and the workspace policy. */
export function findTokenForAuthentication(tokenId: string) {
  return db.accessToken.findUnique({
    where: { id: tokenId },
    select: {
      id: true,
      secretHash: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          workspaceId: true,
          isAdmin: true,
          isDisabled: true,
          canGenerateApiAccessTokens: true,
          workspace: {
            select: { apiAccessTokensEnabled: true, usersCanGenerateApiAccessTokens: true, maxUserTokenLifetimeDays: true },
          },
        },
      },
    },
  });
}

/** Never moves lastUsed backwards, whichever instance or flush writes last. */
async function writeLastUsed(uses: Map<string, Date>): Promise<void> {
  await db.$transaction(
    [...uses].map(([id, at]) =>
      db.accessToken.updateMany({
        where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
        data: { lastUsedAt: at },
      }),
    ),
  );
}

const intervalSeconds = Number(process.env.LAST_USED_INTERVAL_SECONDS) || 60;

const globalForBuffer = globalThis as unknown as { tesseraLastUsed?: LastUsedBuffer };
export const lastUsedBuffer = (globalForBuffer.tesseraLastUsed ??= startBuffer());

function startBuffer(): LastUsedBuffer {
  const buffer = new LastUsedBuffer(writeLastUsed, intervalSeconds * 1000, (error) =>
    console.error("Could not record token use; will retry:", error instanceof Error ? error.message : error),
  );
  setInterval(() => void buffer.flush(), buffer.intervalMs).unref();
  return buffer;
}

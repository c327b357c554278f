// Counts token uses in memory and hands them to the database as increments: per token and UTC day, how many
// requests it authenticated and how many were refused for it; per token, address and user agent, how many it
// authenticated, first and last seen. A flush writes what was counted since the last one, so a request costs no
// write, and several instances adding their own increments to the same rows sum exactly. A failed write puts its
// counts back, to go with the next flush.

export type DayCount = { tokenId: string; day: string; accepted: number; refused: number };
export type ClientCount = {
  tokenId: string;
  address: string;
  userAgent: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  count: number;
};
export type UsageBatch = { days: DayCount[]; clients: ClientCount[] };
export type UsageWriter = (batch: UsageBatch) => Promise<void>;

/**
 * The most counts held between flushes: past it, a flush starts at once. A token's holder can send any number of
 * user agents; memory stays bounded whatever they send.
 */
export const MAX_PENDING = 10_000;

/** The longest user agent kept: enough to tell clients apart, not a place to store anything. */
export const MAX_USER_AGENT_LENGTH = 200;

/** The UTC day of a moment, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export class UsageBuffer {
  private days = new Map<string, DayCount>();
  private clients = new Map<string, ClientCount>();
  private writes = new Set<Promise<void>>();

  constructor(
    private readonly write: UsageWriter,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** A request the token authenticated, from this address and user agent (unknown for an introspection). */
  accepted(tokenId: string, at: Date, from?: { address: string; userAgent: string }): void {
    this.day(tokenId, at).accepted += 1;
    if (!from) return this.flushIfFull();
    const { address } = from;
    const agent = from.userAgent.slice(0, MAX_USER_AGENT_LENGTH);
    const key = `${tokenId}\n${address}\n${agent}`;
    const client = this.clients.get(key);
    if (!client) {
      this.clients.set(key, { tokenId, address, userAgent: agent, firstSeenAt: at, lastSeenAt: at, count: 1 });
    } else {
      client.count += 1;
      if (at < client.firstSeenAt) client.firstSeenAt = at;
      if (at > client.lastSeenAt) client.lastSeenAt = at;
    }
    this.flushIfFull();
  }

  /** A request refused for the token itself: expired, blocked by policy, or beyond its scopes. */
  refused(tokenId: string, at: Date): void {
    this.day(tokenId, at).refused += 1;
    this.flushIfFull();
  }

  get pendingCount(): number {
    return this.days.size + this.clients.size;
  }

  /** Writes everything counted so far; resolves when every write started so far has finished. */
  async flush(): Promise<void> {
    if (this.pendingCount > 0) {
      const batch: UsageBatch = { days: [...this.days.values()], clients: [...this.clients.values()] };
      this.days = new Map();
      this.clients = new Map();
      const write = this.write(batch)
        .catch((error: unknown) => {
          this.putBack(batch);
          this.onError(error);
        })
        .finally(() => this.writes.delete(write));
      this.writes.add(write);
    }
    await Promise.all(this.writes);
  }

  private flushIfFull(): void {
    if (this.pendingCount >= MAX_PENDING) void this.flush();
  }

  private day(tokenId: string, at: Date): DayCount {
    const day = utcDay(at);
    const key = `${tokenId}\n${day}`;
    let count = this.days.get(key);
    if (!count) this.days.set(key, (count = { tokenId, day, accepted: 0, refused: 0 }));
    return count;
  }

  private putBack(batch: UsageBatch): void {
    for (const failed of batch.days) {
      const count = this.day(failed.tokenId, new Date(`${failed.day}T00:00:00Z`));
      count.accepted += failed.accepted;
      count.refused += failed.refused;
    }
    for (const failed of batch.clients) {
      const key = `${failed.tokenId}\n${failed.address}\n${failed.userAgent}`;
      const client = this.clients.get(key);
      if (!client) {
        this.clients.set(key, { ...failed });
        continue;
      }
      client.count += failed.count;
      if (failed.firstSeenAt < client.firstSeenAt) client.firstSeenAt = failed.firstSeenAt;
      if (failed.lastSeenAt > client.lastSeenAt) client.lastSeenAt = failed.lastSeenAt;
    }
  }
}

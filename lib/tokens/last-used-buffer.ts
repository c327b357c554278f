// Coalesces "token used at T" into few writes: a token whose stored lastUsed is older than the interval
// is written at once (so "Never" turns into a time on first use); later uses within the interval are
// kept in memory, latest time only, and written by the next periodic flush or at shutdown.
export type LastUsedWriter = (uses: Map<string, Date>) => Promise<void>;

export class LastUsedBuffer {
  private pending = new Map<string, Date>();
  /** When this process last wrote each token, so that a stale stored value does not trigger rewrites. */
  private written = new Map<string, number>();
  private writes = new Set<Promise<void>>();

  constructor(
    private readonly write: LastUsedWriter,
    readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  record(tokenId: string, usedAt: Date, storedLastUsed: Date | null): void {
    const previous = this.pending.get(tokenId);
    if (!previous || previous < usedAt) this.pending.set(tokenId, usedAt);
    const lastWritten = Math.max(storedLastUsed?.getTime() ?? -Infinity, this.written.get(tokenId) ?? -Infinity);
    if (usedAt.getTime() - lastWritten >= this.intervalMs) this.writeOut([tokenId]);
  }

  /** Writes everything pending; resolves when every write started so far has finished. */
  async flush(): Promise<void> {
    const cutoff = Date.now() - this.intervalMs;
    for (const [tokenId, at] of this.written) if (at < cutoff) this.written.delete(tokenId);
    this.writeOut([...this.pending.keys()]);
    await Promise.all(this.writes);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private writeOut(tokenIds: string[]): void {
    const batch = new Map<string, Date>();
    for (const tokenId of tokenIds) {
      const at = this.pending.get(tokenId);
      if (!at) continue;
      batch.set(tokenId, at);
      this.pending.delete(tokenId);
      this.written.set(tokenId, at.getTime());
    }
    if (batch.size === 0) return;
    const write = this.write(batch)
      .catch((error: unknown) => {
        // Put the uses back (unless newer ones arrived) so the next flush retries them.
        for (const [tokenId, at] of batch) {
          // A write of a newer time has started since; it carries (or on failure re-queues) the latest use.
          if ((this.written.get(tokenId) ?? -Infinity) > at.getTime()) continue;
          const newer = this.pending.get(tokenId);
          if (!newer || newer < at) this.pending.set(tokenId, at);
        }
        this.onError(error);
      })
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}

// Counts failures in this process at once and shares them with the other instances in batches, so that
// counting one costs no round-trip to the store: invalid tokens, which must be refused no slower than valid
// ones are accepted (a valid token pays nothing for the throttle). Each instance still enforces the limit alone
// and at once; their sum is enforced within one flush interval (at most limit + instances x failures per
// interval before every instance knows of the block).
import type { FailureThrottle, Refusal, Reservation, StartedBlock } from "./policy";

export class SharedLater {
  private pending = new Map<string, number>();

  constructor(
    /** In this process's memory: exact, immediate. */
    private readonly local: FailureThrottle,
    /** Shared by the instances (PostgreSQL); null where there is one instance (SQLite). */
    private readonly shared: FailureThrottle | null,
  ) {}

  /** Seconds left of a block this process knows of (its own, or one a flush learned); 0 otherwise. */
  knownBlock(key: string): number {
    return this.local.knownBlock(key) || (this.shared?.knownBlock(key) ?? 0);
  }

  /**
   * Counts one failure here, and later with the other instances. A block is reported (startedBlock) only where
   * nothing is shared: otherwise the shared count's block is the one recorded, by the flush that starts it.
   */
  async take(key: string): Promise<Reservation | Refusal> {
    const counted = await this.local.take(key);
    if (!this.shared) return counted;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return counted.granted ? counted : { ...counted, startedBlock: null };
  }

  /**
   * Adds what this process counted since the last flush to the shared counts; returns the blocks that started,
   * each once, whichever instance's flush started it.
   */
  async flush(): Promise<Array<{ key: string; block: StartedBlock }>> {
    const started: Array<{ key: string; block: StartedBlock }> = [];
    if (!this.shared) return started;
    const batch = [...this.pending];
    this.pending = new Map();
    for (const [index, [key, failures]] of batch.entries()) {
      try {
        const result = await this.shared.take(key, failures);
        if (!result.granted && result.startedBlock) started.push({ key, block: result.startedBlock });
      } catch (error) {
        // The store failed: what was not shared waits for the next flush.
        for (const [later, count] of batch.slice(index))
          this.pending.set(later, (this.pending.get(later) ?? 0) + count);
        throw error;
      }
    }
    return started;
  }
}

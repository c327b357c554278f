/**
 * A bounded set of recently seen keys, least recently used dropped first (a Map keeps insertion order).
 * Remembers which token and address pairs are already recorded, so that a token's use costs no database
 * write once its address is known.
 */
export class RecentKeys {
  private readonly keys = new Map<string, true>();

  constructor(readonly capacity: number) {}

  /** Whether the key was seen; a hit makes it the most recent. */
  has(key: string): boolean {
    if (!this.keys.has(key)) return false;
    this.keys.delete(key);
    this.keys.set(key, true);
    return true;
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.set(key, true);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
  }

  get size(): number {
    return this.keys.size;
  }
}

/**
 * A set of strings that keeps at most `capacity` of them, dropping the least recently used first (a Map keeps
 * insertion order). lib/data/token-use.ts keeps the token and address pairs already recorded in one.
 */
export class LruSet {
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

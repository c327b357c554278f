/**
 * Runs jobs a few at a time, taking turns between keys (client addresses): each key's jobs wait in a line of
 * their own, and the lines are served one job each in turn. So a burst from one address delays someone else's
 * job by one of its jobs per turn, not by all of them as a single first-come line would.
 */
export class FairQueue {
  // A Map keeps insertion order: a key whose job starts goes to the back, behind the keys still waiting.
  private readonly lines = new Map<string, Array<() => void>>();
  private running = 0;

  constructor(private readonly concurrency = 1) {}

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        job()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next();
          });
      };
      const line = this.lines.get(key);
      if (line) line.push(start);
      else this.lines.set(key, [start]);
      this.next();
    });
  }

  private next(): void {
    for (const [key, line] of this.lines) {
      if (this.running >= this.concurrency) return;
      const start = line.shift();
      this.lines.delete(key);
      if (line.length > 0) this.lines.set(key, line);
      if (start) {
        this.running++;
        start();
      }
    }
  }
}

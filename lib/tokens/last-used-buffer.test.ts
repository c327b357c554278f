import { describe, expect, it } from "vitest";
import { LastUsedBuffer, type LastUsedWriter } from "./last-used-buffer";

const INTERVAL_MS = 60_000;
const t0 = new Date("2025-06-01T12:00:00.000Z");
const at = (ms: number): Date => new Date(t0.getTime() + ms);

type Deferred = { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

function deferred(): Deferred {
  let resolve = (): void => {};
  let reject = (error: unknown): void => void error;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The buffer's injected dependency: records every batch it is asked to write. */
function recordingWriter(respond: (batchIndex: number) => Promise<void> = () => Promise.resolve()) {
  const batches: Array<Map<string, Date>> = [];
  const write: LastUsedWriter = (uses) => {
    batches.push(new Map(uses));
    return respond(batches.length - 1);
  };
  return { batches, write };
}

describe("LastUsedBuffer", () => {
  it("writes a token's first use at once", () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);
    expect(batches).toEqual([new Map([["a", t0]])]);
    expect(buffer.pendingCount).toBe(0);
  });

  it("writes at once when the stored last use is at least an interval old", () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, at(-INTERVAL_MS));
    expect(batches).toEqual([new Map([["a", t0]])]);
  });

  it("keeps a use in memory when the stored last use is recent", () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, at(-INTERVAL_MS + 1));
    expect(batches).toEqual([]);
    expect(buffer.pendingCount).toBe(1);
  });

  it("coalesces later uses within the interval into one write of the latest time", async () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);
    buffer.record("a", at(1_000), t0);
    buffer.record("a", at(2_000), t0);
    buffer.record("a", at(3_000), t0);
    expect(batches).toHaveLength(1);
    expect(buffer.pendingCount).toBe(1);

    await buffer.flush();
    expect(batches).toEqual([new Map([["a", t0]]), new Map([["a", at(3_000)]])]);
    expect(buffer.pendingCount).toBe(0);
  });

  it("keeps the latest time when uses are recorded out of order", async () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);
    buffer.record("a", at(5_000), t0);
    buffer.record("a", at(2_000), t0);
    buffer.record("a", at(4_000), t0);
    await buffer.flush();
    expect(batches[1]).toEqual(new Map([["a", at(5_000)]]));
  });

  it("does not rewrite on every request when the stored value is stale but this process wrote recently", () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);
    // The database read that authenticated this request happened before the first write landed.
    buffer.record("a", at(1_000), null);
    buffer.record("a", at(2_000), null);
    expect(batches).toHaveLength(1);
    expect(buffer.pendingCount).toBe(1);
  });

  it("writes at once again when a use comes an interval after the last write", () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);
    buffer.record("a", at(INTERVAL_MS), t0);
    expect(batches).toEqual([new Map([["a", t0]]), new Map([["a", at(INTERVAL_MS)]])]);
  });

  it("writes the pending uses of several tokens in one batch on flush", async () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", at(1_000), t0);
    buffer.record("b", at(2_000), t0);
    buffer.record("a", at(3_000), t0);
    expect(batches).toEqual([]);
    await buffer.flush();
    expect(batches).toEqual([
      new Map([
        ["a", at(3_000)],
        ["b", at(2_000)],
      ]),
    ]);
  });

  it("flush resolves only after the pending writes have finished (flush on shutdown loses nothing)", async () => {
    const gate = deferred();
    const { batches, write } = recordingWriter(() => gate.promise);
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", at(1_000), t0);

    let flushed = false;
    const flushing = buffer.flush().then(() => {
      flushed = true;
    });
    expect(batches).toEqual([new Map([["a", at(1_000)]])]);
    await Promise.resolve();
    await Promise.resolve();
    expect(flushed).toBe(false);

    gate.resolve();
    await flushing;
    expect(flushed).toBe(true);
  });

  it("flush also waits for an immediate write that is still in flight", async () => {
    const gate = deferred();
    const { batches, write } = recordingWriter(() => gate.promise);
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    buffer.record("a", t0, null);

    let flushed = false;
    const flushing = buffer.flush().then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
    expect(batches).toHaveLength(1);

    gate.resolve();
    await flushing;
    expect(flushed).toBe(true);
  });

  it("retries a failed write on the next flush and reports the error", async () => {
    const errors: unknown[] = [];
    const failure = new Error("database is locked");
    const { batches, write } = recordingWriter((i) => (i === 0 ? Promise.reject(failure) : Promise.resolve()));
    const buffer = new LastUsedBuffer(write, INTERVAL_MS, (error) => errors.push(error));
    buffer.record("a", at(1_000), t0);

    await buffer.flush();
    expect(errors).toEqual([failure]);
    expect(buffer.pendingCount).toBe(1);

    await buffer.flush();
    expect(batches).toEqual([new Map([["a", at(1_000)]]), new Map([["a", at(1_000)]])]);
    expect(buffer.pendingCount).toBe(0);
  });

  it("keeps the latest time when a newer use arrives while a write fails", async () => {
    const gate = deferred();
    const { batches, write } = recordingWriter((i) => (i === 0 ? gate.promise : Promise.resolve()));
    const buffer = new LastUsedBuffer(write, INTERVAL_MS, () => {});
    buffer.record("a", t0, null);
    buffer.record("a", at(2_000), t0);

    gate.reject(new Error("Connection terminated"));
    await buffer.flush();
    // The flush above wrote the newer pending time; the failed older one must not replace it.
    const written = batches.slice(1).map((batch) => batch.get("a"));
    expect(written.at(-1)).toEqual(at(2_000));
    await buffer.flush();
    expect(batches.slice(1).map((batch) => batch.get("a"))).toEqual([at(2_000)]);
  });

  it("does not go back to an older use when the failed write was newer than what arrived meanwhile", async () => {
    const gate = deferred();
    const { batches, write } = recordingWriter((i) => (i === 0 ? gate.promise : Promise.resolve()));
    const buffer = new LastUsedBuffer(write, INTERVAL_MS, () => {});
    buffer.record("a", at(5_000), null);
    buffer.record("a", at(1_000), null); // recorded out of order while the first write is in flight

    gate.reject(new Error("Connection terminated"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(buffer.pendingCount).toBe(1);
    await buffer.flush();
    expect(batches.at(-1)).toEqual(new Map([["a", at(5_000)]]));
  });

  it("does not write when nothing is pending", async () => {
    const { batches, write } = recordingWriter();
    const buffer = new LastUsedBuffer(write, INTERVAL_MS);
    await buffer.flush();
    expect(batches).toEqual([]);

    buffer.record("a", t0, null);
    await buffer.flush();
    await buffer.flush();
    expect(batches).toHaveLength(1);
  });
});

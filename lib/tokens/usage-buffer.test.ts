import { describe, expect, it } from "vitest";
import { MAX_PENDING, UsageBuffer, utcDay, type DayCount, type UsageBatch } from "./usage-buffer";

const at = (iso: string) => new Date(iso);
const from = (address: string, userAgent = "curl/8") => ({ address, userAgent });

/** A writer that adds each batch to totals, as the database's increments do; it can be made to fail. */
function store() {
  const days = new Map<string, DayCount>();
  const clients = new Map<string, { count: number; firstSeenAt: Date; lastSeenAt: Date }>();
  const state = { failing: false, batches: 0 };
  const write = async (batch: UsageBatch) => {
    state.batches += 1;
    if (state.failing) throw new Error("database unavailable");
    for (const d of batch.days) {
      const key = `${d.tokenId} ${d.day}`;
      const total = days.get(key) ?? { ...d, accepted: 0, refused: 0 };
      days.set(key, { ...total, accepted: total.accepted + d.accepted, refused: total.refused + d.refused });
    }
    for (const c of batch.clients) {
      const key = `${c.tokenId} ${c.address} ${c.userAgent}`;
      const total = clients.get(key);
      clients.set(key, {
        count: (total?.count ?? 0) + c.count,
        firstSeenAt: total && total.firstSeenAt < c.firstSeenAt ? total.firstSeenAt : c.firstSeenAt,
        lastSeenAt: total && total.lastSeenAt > c.lastSeenAt ? total.lastSeenAt : c.lastSeenAt,
      });
    }
  };
  return { days, clients, state, write };
}

describe("utcDay", () => {
  it("is the UTC date, whatever the local time zone", () => {
    expect(utcDay(at("2026-12-07T23:59:59.999Z"))).toBe("2026-12-07");
    expect(utcDay(at("2026-12-08T00:00:00.000Z"))).toBe("2026-12-08");
  });
});

describe("UsageBuffer", () => {
  it("counts accepted and refused uses per token and UTC day, and writes nothing until flushed", async () => {
    const db = store();
    const buffer = new UsageBuffer(db.write);
    buffer.accepted("t1", at("2026-12-07T10:00:00Z"), from("10.0.0.1"));
    buffer.accepted("t1", at("2026-12-07T11:00:00Z"), from("10.0.0.1"));
    buffer.refused("t1", at("2026-12-07T12:00:00Z"));
    buffer.accepted("t1", at("2026-12-08T00:00:01Z"), from("10.0.0.2"));
    buffer.accepted("t2", at("2026-12-07T10:00:00Z"));
    expect(db.state.batches).toBe(0);
    await buffer.flush();
    expect(Object.fromEntries(db.days)).toEqual({
      "t1 2026-12-07": { tokenId: "t1", day: "2026-12-07", accepted: 2, refused: 1 },
      "t1 2026-12-08": { tokenId: "t1", day: "2026-12-08", accepted: 1, refused: 0 },
      "t2 2026-12-07": { tokenId: "t2", day: "2026-12-07", accepted: 1, refused: 0 },
    });
    // An introspection (no address) counts for the day but names no client.
    expect([...db.clients.keys()]).toEqual(["t1 10.0.0.1 curl/8", "t1 10.0.0.2 curl/8"]);
    expect(db.clients.get("t1 10.0.0.1 curl/8")).toEqual({
      count: 2,
      firstSeenAt: at("2026-12-07T10:00:00Z"),
      lastSeenAt: at("2026-12-07T11:00:00Z"),
    });
  });

  it("writes each use once: a second flush sends only what came after the first", async () => {
    const db = store();
    const buffer = new UsageBuffer(db.write);
    buffer.accepted("t1", at("2026-12-07T10:00:00Z"), from("a"));
    await buffer.flush();
    await buffer.flush();
    expect(db.state.batches).toBe(1);
    buffer.accepted("t1", at("2026-12-07T10:05:00Z"), from("a"));
    await buffer.flush();
    expect(db.days.get("t1 2026-12-07")?.accepted).toBe(2);
    expect(db.clients.get("t1 a curl/8")?.count).toBe(2);
  });

  it("tells user agents apart, cut to 200 characters", async () => {
    const db = store();
    const buffer = new UsageBuffer(db.write);
    buffer.accepted("t1", at("2026-12-07T10:00:00Z"), from("a", "x".repeat(500)));
    buffer.accepted("t1", at("2026-12-07T10:00:00Z"), from("a", "other"));
    await buffer.flush();
    expect([...db.clients.keys()].map((key) => key.length)).toEqual([`t1 a `.length + 200, "t1 a other".length]);
  });

  it("puts a failed write's counts back, so the next flush writes them with the newer ones: nothing lost, nothing twice", async () => {
    const db = store();
    const errors: unknown[] = [];
    const buffer = new UsageBuffer(db.write, (error) => errors.push(error));
    buffer.accepted("t1", at("2026-12-07T10:00:00Z"), from("a"));
    buffer.refused("t1", at("2026-12-07T10:01:00Z"));
    db.state.failing = true;
    await buffer.flush();
    expect(errors).toHaveLength(1);
    expect(buffer.pendingCount).toBe(2);
    buffer.accepted("t1", at("2026-12-07T09:00:00Z"), from("a"));
    db.state.failing = false;
    await buffer.flush();
    expect(db.days.get("t1 2026-12-07")).toMatchObject({ accepted: 2, refused: 1 });
    expect(db.clients.get("t1 a curl/8")).toEqual({
      count: 2,
      firstSeenAt: at("2026-12-07T09:00:00Z"),
      lastSeenAt: at("2026-12-07T10:00:00Z"),
    });
    expect(buffer.pendingCount).toBe(0);
  });

  it("two instances writing their own increments to the same store add up exactly", async () => {
    const db = store();
    const [one, two] = [new UsageBuffer(db.write), new UsageBuffer(db.write)];
    for (let i = 0; i < 300; i++) {
      (i % 3 === 0 ? two : one).accepted("t1", at("2026-12-07T10:00:00Z"), from(i % 2 ? "a" : "b"));
      if (i % 7 === 0) one.refused("t1", at("2026-12-07T10:00:00Z"));
      if (i % 50 === 0) await Promise.all([one.flush(), two.flush()]);
    }
    // Shutdown writes what is left.
    await Promise.all([one.flush(), two.flush()]);
    expect(db.days.get("t1 2026-12-07")).toMatchObject({ accepted: 300, refused: 43 });
    expect((db.clients.get("t1 a curl/8")?.count ?? 0) + (db.clients.get("t1 b curl/8")?.count ?? 0)).toBe(300);
  });

  it("a flush resolves only when the writes started before it have finished", async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const buffer = new UsageBuffer(() => slow);
    buffer.accepted("t1", new Date(), from("a"));
    const done: string[] = [];
    const first = buffer.flush().then(() => done.push("first"));
    // A second flush with nothing new to write still waits for the first's write (as shutdown needs).
    const second = buffer.flush().then(() => done.push("second"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(done.sort()).toEqual(["first", "second"]);
  });
});

describe("UsageBuffer's memory", () => {
  it("starts a flush by itself once it holds MAX_PENDING counts, whatever user agents a token's holder sends", async () => {
    const db = store();
    const buffer = new UsageBuffer(db.write);
    const now = at("2026-12-07T10:00:00Z");
    for (let i = 0; i < MAX_PENDING * 2 + 5; i++) buffer.accepted("t1", now, from("a", `agent-${i}`));
    expect(buffer.pendingCount).toBeLessThan(MAX_PENDING);
    await buffer.flush();
    expect(db.days.get("t1 2026-12-07")?.accepted).toBe(MAX_PENDING * 2 + 5);
    expect(db.clients.size).toBe(MAX_PENDING * 2 + 5);
  });
});

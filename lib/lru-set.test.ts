import { describe, expect, it } from "vitest";
import { LruSet } from "./lru-set";

describe("LruSet", () => {
  it("knows what was added and nothing else", () => {
    const keys = new LruSet(3);
    keys.add("token-a 10.0.0.1");
    expect(keys.has("token-a 10.0.0.1")).toBe(true);
    expect(keys.has("token-a 10.0.0.2")).toBe(false);
  });

  it("stays within its capacity, dropping the least recently used", () => {
    const keys = new LruSet(2);
    keys.add("a");
    keys.add("b");
    expect(keys.has("a")).toBe(true); // a is now more recent than b
    keys.add("c");
    expect(keys.size).toBe(2);
    expect(keys.has("b")).toBe(false);
    expect(keys.has("a")).toBe(true);
    expect(keys.has("c")).toBe(true);
  });

  it("does not grow when a key is added again", () => {
    const keys = new LruSet(2);
    keys.add("a");
    keys.add("a");
    keys.add("b");
    expect(keys.size).toBe(2);
    expect(keys.has("a")).toBe(true);
  });
});

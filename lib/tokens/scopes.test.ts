import { describe, expect, it } from "vitest";
import { allows, normalizeScopes, parseStoredScopes, scopeNeededFor, storedScopes } from "./scopes";

describe("scopeNeededFor", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get", "head"])("a %s reads: read_api", (method) => {
    expect(scopeNeededFor(method)).toBe("read_api");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "delete", "PROPFIND", "TRACE", "CONNECT", "", "GET "])(
    "%j writes, or is unknown and treated as a write: api",
    (method) => {
      expect(scopeNeededFor(method)).toBe("api");
    },
  );
});

describe("allows", () => {
  it("api allows everything, read_api only reads", () => {
    expect(allows(["api"], "api")).toBe(true);
    expect(allows(["api"], "read_api")).toBe(true);
    expect(allows(["read_api"], "read_api")).toBe(true);
    expect(allows(["read_api"], "api")).toBe(false);
    expect(allows([], "read_api")).toBe(false);
  });
});

describe("stored scopes", () => {
  it("are written space-separated, deduplicated, in a fixed order", () => {
    expect(storedScopes(["read_api", "api", "read_api"])).toBe("api read_api");
    expect(normalizeScopes(["read_api"])).toEqual(["read_api"]);
  });

  it("read back as a list; an empty or unknown value reads as api, as every token made before scopes", () => {
    expect(parseStoredScopes("read_api")).toEqual(["read_api"]);
    expect(parseStoredScopes("api read_api")).toEqual(["api", "read_api"]);
    expect(parseStoredScopes("")).toEqual(["api"]);
    expect(parseStoredScopes("admin")).toEqual(["api"]);
  });
});

import { describe, expect, test } from "vitest";
import { inventoryHref, inventoryQuery } from "./token-inventory";

describe("inventoryQuery", () => {
  test("no parameters: every token, newest first, page 1", () => {
    expect(inventoryQuery({})).toEqual({ filters: { sort: "-created" }, values: {}, page: 1, problem: null });
  });

  test("filters from the URL, empty ones dropped, the first of a repeated one", () => {
    const query = inventoryQuery({
      status: "blocked",
      neverExpires: "true",
      unusedDays: ["30", "7"],
      neverUsed: "",
      sort: "lastUsed",
      page: "3",
      other: "ignored",
    });
    expect(query.filters).toEqual({ status: "blocked", neverExpires: true, unusedDays: 30, sort: "lastUsed" });
    expect(query.values).toEqual({ status: "blocked", neverExpires: "true", unusedDays: "30", sort: "lastUsed" });
    expect(query.page).toBe(3);
    expect(query.problem).toBeNull();
  });

  test("a bad filter: nothing filtered, the problem named, the values kept for the form", () => {
    const query = inventoryQuery({ unusedDays: "0", status: "active" });
    expect(query.filters).toEqual({ sort: "-created" });
    expect(query.values).toEqual({ unusedDays: "0", status: "active" });
    expect(query.problem).toMatch(/^unusedDays /);
  });

  test.each(["0", "-1", "x", "1.5"])("an unusable page %j is the first", (page) => {
    expect(inventoryQuery({ page }).page).toBe(1);
  });
});

describe("inventoryHref", () => {
  test("the filters in the query string, the page when past the first", () => {
    expect(inventoryHref("/admin/tokens", { status: "active" }, 2)).toBe("/admin/tokens?status=active&page=2");
    expect(inventoryHref("/admin/tokens", { status: "active" })).toBe("/admin/tokens?status=active");
    expect(inventoryHref("/admin/tokens", {})).toBe("/admin/tokens");
  });
});

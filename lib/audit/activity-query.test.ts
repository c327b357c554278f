import { describe, expect, it } from "vitest";
import { activityHref, activityQuery } from "./activity-query";

describe("activityQuery", () => {
  it("turns the page's query into filters and a page number, dropping empty fields", () => {
    const query = activityQuery({ personId: "p-1", tokenId: "", type: "token.created", page: "3" });
    expect(query).toEqual({
      filters: { personId: "p-1", types: ["token.created"] },
      values: { personId: "p-1", type: "token.created" },
      page: 3,
      problem: null,
    });
  });

  it("reports a bad filter instead of failing the page", () => {
    const query = activityQuery({ tokenId: "not-an-id" });
    expect(query.filters).toEqual({});
    expect(query.problem).toMatch(/^tokenId:/);
  });
});

describe("activityHref", () => {
  it("keeps the filters and adds the page after the first", () => {
    expect(activityHref("/admin/activity", { type: "token.deleted" }, 2)).toBe(
      "/admin/activity?type=token.deleted&page=2",
    );
    expect(activityHref("/admin/activity", {}, 1)).toBe("/admin/activity");
  });
});

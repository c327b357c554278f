import { describe, expect, it } from "vitest";
import { activityHref, activityQuery } from "./activity-query";

describe("activityQuery", () => {
  it("turns the page's query into filters and a page number, dropping empty fields", () => {
    const query = activityQuery({
      personId: "0b6f3c2e-8d4a-4f1e-9a7b-2c5d6e7f8a9b",
      tokenId: "",
      type: "token.created",
      page: "3",
    });
    expect(query).toEqual({
      filters: { personId: "0b6f3c2e-8d4a-4f1e-9a7b-2c5d6e7f8a9b", types: ["token.created"] },
      values: { personId: "0b6f3c2e-8d4a-4f1e-9a7b-2c5d6e7f8a9b", type: "token.created" },
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

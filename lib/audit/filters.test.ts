import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseAuditFilters } from "./filters";

const parse = (query: string) => parseAuditFilters(new URLSearchParams(query));

function expectBad(query: string, field: string): void {
  let error: unknown;
  try {
    parse(query);
  } catch (thrown) {
    error = thrown;
  }
  expect(error, query).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(400);
  expect((error as AppError).message.startsWith(`${field}:`), (error as AppError).message).toBe(true);
}

describe("parseAuditFilters", () => {
  it("has no filters when none are given", () => {
    expect(parse("limit=10&offset=0")).toEqual({});
  });

  it("reads every filter", () => {
    expect(
      parse(
        `personId=0b6f3c2e-8d4a-4f1e-9a7b-2c5d6e7f8a9b&tokenId=AbCdEfGhIjKlMnOp&type=token.created&since=2026-01-01&until=2026-01-31T23:59:59Z`,
      ),
    ).toEqual({
      personId: "0b6f3c2e-8d4a-4f1e-9a7b-2c5d6e7f8a9b",
      tokenId: "AbCdEfGhIjKlMnOp",
      types: ["token.created"],
      since: new Date("2026-01-01T00:00:00.000Z"),
      until: new Date("2026-01-31T23:59:59.000Z"),
    });
  });

  it("takes several types, comma-separated or repeated, once each", () => {
    expect(parse("type=token.created,token.deleted&type=token.created").types).toEqual([
      "token.created",
      "token.deleted",
    ]);
  });

  it("refuses each bad filter with a 400 that names it", () => {
    expectBad("type=token.stolen", "type");
    expectBad("type=", "type");
    expectBad("tokenId=short", "tokenId");
    expectBad("tokenId=tsr_AbCdEfGhIjKlMnOp_secret", "tokenId");
    expectBad("personId=", "personId");
    expectBad("personId=p-1", "personId");
    expectBad("personId=%00", "personId");
    expectBad("personId=a&personId=b", "personId");
    expectBad("since=yesterday", "since");
    expectBad("until=2026-13-45", "until");
    expectBad("since=2026-02-01&until=2026-01-01", "since");
  });
});

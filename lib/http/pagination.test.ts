import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DEFAULT_LIMIT, MAX_LIMIT, parsePage } from "./pagination";

function errorOf(query: string): AppError {
  try {
    parsePage(new URLSearchParams(query));
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe("parsePage", () => {
  it("defaults to limit 25 and offset 0", () => {
    expect(DEFAULT_LIMIT).toBe(25);
    expect(parsePage(new URLSearchParams())).toEqual({ limit: 25, offset: 0 });
  });

  it("reads limit and offset, up to a limit of 100", () => {
    expect(MAX_LIMIT).toBe(100);
    expect(parsePage(new URLSearchParams("limit=1&offset=0"))).toEqual({ limit: 1, offset: 0 });
    expect(parsePage(new URLSearchParams("limit=100&offset=250"))).toEqual({ limit: 100, offset: 250 });
    expect(parsePage(new URLSearchParams("limit=010"))).toEqual({ limit: 10, offset: 0 });
  });

  it.each(["0", "101", "abc", "-1", "1.5", "", " 5", "1e2", "0x10", "99999999999999999999"])(
    "refuses limit=%j with a 400 that names the field",
    (value) => {
      const error = errorOf(`limit=${encodeURIComponent(value)}`);
      expect(error.status).toBe(400);
      expect(error.code).toBe("invalid_request");
      expect(error.field).toBe("limit");
      expect(error.message).toBe("limit: must be a whole number from 1 to 100");
    },
  );

  it.each(["-1", "abc", "1.5", "", "1000000001"])("refuses offset=%j with a 400 that names the field", (value) => {
    const error = errorOf(`offset=${encodeURIComponent(value)}`);
    expect(error.status).toBe(400);
    expect(error.field).toBe("offset");
    expect(error.message).toMatch(/^offset: must be a whole number from 0 to /);
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("behind a trusted proxy, takes the address that proxy appended (the last one)", () => {
    expect(clientAddress(headers("6.6.6.6, 10.0.0.7"), true)).toBe("10.0.0.7");
  });

  it("without a trusted proxy, keys on the header as the server set it (the socket address)", () => {
    expect(clientAddress(headers("127.0.0.1"), false)).toBe("127.0.0.1");
    expect(clientAddress(headers("6.6.6.6, 10.0.0.7"), false)).toBe("6.6.6.6,10.0.0.7");
  });

  it("falls back to one shared key when there is no address at all", () => {
    expect(clientAddress(headers(), false)).toBe("unknown");
    expect(clientAddress(headers(""), true)).toBe("unknown");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/test/support/fast-check";
import { refuseRequest, SERVED_METHODS } from "./request-guard";

describe("refuseRequest", () => {
  it.each(["/", "/v4/people/abc", "/v4/people/%F0%9F%99%82", "/v4/x%2Fy", "/v4/people?x=%ff", "/a#%ff"])(
    "lets %s through",
    (url) => {
      for (const method of SERVED_METHODS) expect(refuseRequest(method, url)).toBeNull();
    },
  );

  it.each(["/v4/people/%ff", "/v4/apiAccessTokens/%", "/v4/people/%E0%A4%A", "/v4/people/%ED%A0%80", "/%c0%ae"])(
    "refuses the malformed path %s with 400",
    (url) => {
      expect(refuseRequest("GET", url)).toMatchObject({ status: 400, code: "invalid_request" });
    },
  );

  it.each(["TRACE", "TRACK", "PROPFIND", "PURGE", "LOCK", undefined])("refuses the method %s with 405", (method) => {
    const refusal = refuseRequest(method, "/v4/people");
    expect(refusal).toMatchObject({ status: 405, code: "method_not_allowed" });
    expect(refusal?.headers.Allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  it("never throws, and refuses a served method's path exactly when it does not decode", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERVED_METHODS), fc.string({ unit: "binary-ascii", maxLength: 30 }), (m, url) => {
        const path = url.split(/[?#]/, 1)[0];
        let decodes = true;
        try {
          decodeURIComponent(path);
        } catch {
          decodes = false;
        }
        expect(refuseRequest(m, url) === null).toBe(decodes);
      }),
      runs(500),
    );
  });
});

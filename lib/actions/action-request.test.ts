import { describe, expect, it } from "vitest";
import { refuseActionRequest } from "./action-request";

const ORIGIN = "http://tessera.test";

function actionCall(body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/preferences/access-tokens`, {
    method: "POST",
    headers: {
      Host: "tessera.test",
      Origin: ORIGIN,
      "Next-Action": "7f0123",
      "Content-Type": "text/plain;charset=UTF-8",
      ...headers,
    },
    body,
  });
}

async function refusal(request: Request): Promise<{ status: number; code: string } | null> {
  const response = await refuseActionRequest(request);
  if (!response) return null;
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

describe("refuseActionRequest", () => {
  it("lets through what our pages send: a same-origin JSON array of plain values", async () => {
    expect(await refusal(actionCall('["0123456789ABCDEF"]'))).toBeNull();
    expect(await refusal(actionCall('[{"lifetimeDays":"30","description":"$$ escaped"}]'))).toBeNull();
    expect(await refusal(actionCall('["id",{"name":"$undefined"}]'))).toBeNull();
    expect(await refusal(actionCall("[]"))).toBeNull();
  });

  it("lets page reads through, from anywhere", async () => {
    expect(await refusal(new Request(`${ORIGIN}/login`, { headers: { Origin: "http://evil.example" } }))).toBeNull();
  });

  it.each([
    ["no Origin", { Origin: "" }],
    ["a foreign Origin", { Origin: "http://evil.example" }],
    ["Origin: null", { Origin: "null" }],
  ])("refuses a call with %s: 403", async (_name, headers) => {
    const request = actionCall('["x"]', headers);
    if (!headers.Origin) request.headers.delete("Origin");
    expect(await refusal(request)).toEqual({ status: 403, code: "forbidden" });
  });

  it("refuses a POST without Next-Action (a form post naming an action): 400", async () => {
    const request = new Request(`${ORIGIN}/preferences/access-tokens`, {
      method: "POST",
      headers: { Host: "tessera.test", Origin: ORIGIN },
      body: new URLSearchParams({ $ACTION_ID_7f0123: "" }),
    });
    expect(await refusal(request)).toEqual({ status: 400, code: "invalid_request" });
  });

  it.each(["multipart/form-data; boundary=x", "application/json", ""])(
    "refuses the content type %j: 415",
    async (contentType) => {
      expect(await refusal(actionCall('["x"]', { "Content-Type": contentType }))).toEqual({
        status: 415,
        code: "unsupported_media_type",
      });
    },
  );

  it.each([
    ["not JSON", "not json"],
    ["an empty body", ""],
    ["JSON that is not an array", '{"0":"x"}'],
    ["a string", '"x"'],
    ["null", "null"],
    ["a Map reference", '["$Q1"]'],
    ["a promise reference", '[{"name":"$@1"}]'],
    ["a server reference deep inside", '[{"a":[{"b":"$F1"}]}]'],
    ["a date", '["$D2020-01-01"]'],
    ["nesting deeper than any form", `${"[".repeat(9)}${"]".repeat(9)}`],
    ["nesting 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ])("refuses %s: 400", async (_name, body) => {
    expect(await refusal(actionCall(body))).toEqual({ status: 400, code: "invalid_request" });
  });
});

// A server action call must come from Tessera's own pages, and look as they send it (proxy.ts with
// lib/actions/action-request.ts): the same Origin rule as the API's session-cookie calls, checked before Next.js
// handles the request, whatever page it is posted to and however it is dressed.
import { beforeAll, describe, expect, test } from "vitest";
import {
  baseUrl,
  createToken,
  createUserWithToken,
  signIn,
  type CreatedToken,
  type UserWithToken,
} from "./support/client";
import { query } from "./support/database";
import { callAction, serverActions, type ActionResponse, type ServerAction } from "./support/server-actions";

let member: UserWithToken & { cookie: string };
let deleteTokenAction: ServerAction;

beforeAll(async () => {
  const user = await createUserWithToken("action-requests");
  member = { ...user, ...(await signIn(user.email, user.password)) };
  const found = serverActions().find((action) => action.name === "deleteTokenAction");
  if (!found) throw new Error("deleteTokenAction is not in the build");
  deleteTokenAction = found;
});

// The member deletes a token of their own: a refused call that ran anyway would leave it gone.
function memberToken(): Promise<CreatedToken> {
  return createToken({ basic: { email: member.email, password: member.password } });
}

async function tokenExists(token: CreatedToken): Promise<boolean> {
  return (await query('SELECT id FROM "AccessToken" WHERE id = ?', [token.tokenInfo.tokenId])).length === 1;
}

function expectError(response: Pick<ActionResponse, "status" | "text">, status: number, code: string): void {
  expect(response.status, response.text.slice(0, 300)).toBe(status);
  expect(JSON.parse(response.text)).toEqual({ error: { code, message: expect.any(String) } });
}

describe("the Origin of a server action call", () => {
  test.each([
    ["no Origin", {}],
    ["a foreign Origin", { Origin: "http://evil.example" }],
    ["Origin: null", { Origin: "null" }],
    ["a cross-site fetch", { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" }],
    // The proxy once skipped requests dressed as link prefetches: the check must not depend on such a header.
    ["no Origin, dressed as a prefetch", { "Next-Router-Prefetch": "1", Purpose: "prefetch" }],
  ])("%s: 403, and the action does not run", async (_name, headers: Record<string, string>) => {
    const token = await memberToken();
    const response = await callAction(deleteTokenAction, [token.tokenInfo.tokenId], { cookie: member.cookie, headers });
    expectError(response, 403, "forbidden");
    expect(await tokenExists(token)).toBe(true);
  });

  test.each(["/", "/login", "/admin/people", "/admin/settings", "/no-such-page"])(
    "posted to %s from a foreign Origin: 403",
    async (page) => {
      const token = await memberToken();
      const response = await callAction(deleteTokenAction, [token.tokenInfo.tokenId], {
        cookie: member.cookie,
        headers: { Origin: "http://evil.example" },
        page,
      });
      expectError(response, 403, "forbidden");
      expect(await tokenExists(token)).toBe(true);
    },
  );

  test.each([
    ["the page's own Origin", () => ({ Origin: baseUrl() })],
    ["no Origin but Sec-Fetch-Site: same-origin", () => ({ "Sec-Fetch-Site": "same-origin" })],
  ])("%s: the action runs", async (_name, headers: () => Record<string, string>) => {
    const token = await memberToken();
    const response = await callAction(deleteTokenAction, [token.tokenInfo.tokenId], {
      cookie: member.cookie,
      headers: headers(),
    });
    expect(response.result).toEqual({ ok: true, data: undefined });
    expect(await tokenExists(token)).toBe(false);
  });
});

describe("an HTML form post naming an action (no Next-Action header)", () => {
  async function formPost(headers: Record<string, string>): Promise<{ status: number; text: string }> {
    const token = await memberToken();
    const form = new FormData();
    form.set(`$ACTION_ID_${deleteTokenAction.id}`, "");
    form.set("tokenId", token.tokenInfo.tokenId);
    const response = await fetch(`${baseUrl()}${deleteTokenAction.pages[0]}`, {
      method: "POST",
      headers: { Cookie: member.cookie, ...headers },
      body: form,
      redirect: "manual",
    });
    expect(await tokenExists(token)).toBe(true);
    return { status: response.status, text: await response.text() };
  }

  test("without Origin: 403, and the action does not run", async () => {
    expectError(await formPost({}), 403, "forbidden");
  });

  test("from the page itself: 400, and the action does not run (our pages call actions with fetch only)", async () => {
    expectError(await formPost({ Origin: baseUrl() }), 400, "invalid_request");
  });
});

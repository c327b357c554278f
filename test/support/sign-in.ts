// Signing in as the sign-in form does (next-auth's signIn("credentials", {redirect: false})), for tests that
// look at what a failed sign-in tells the client.
import { expect } from "vitest";
import { cookiesOf, credentialsForm } from "./credentials-form";

export type SignInReply = {
  status: number;
  /** The `error` next-auth names in the URL it answers with (the sign-in form shows what it maps it to). */
  error: string | null;
  /** What the client gets to read (URL-decoded): the JSON body, the Location header and the plain body. */
  visible: string;
  sessionCookie: string | undefined;
};

/** Posts the credentials callback twice: as the form does (json=true), then as a plain form post (302). */
export async function postSignIn(base: string, email: string, password: string): Promise<SignInReply> {
  const post = await credentialsForm(base);
  const asForm = await post(email, password);
  const body = await asForm.text();
  const plain = await post(email, password, { json: false });
  const url = (JSON.parse(body) as { url: string }).url;
  const visible = [body, plain.headers.get("location") ?? "", await plain.text()].join("\n");
  return {
    status: asForm.status,
    error: new URL(url, base).searchParams.get("error"),
    visible: decodeURIComponent(visible.replace(/%(?![0-9a-f]{2})/gi, "%25")),
    sessionCookie: cookiesOf(asForm.headers)
      .split("; ")
      .find((c) => c.includes("session-token")),
  };
}

/** Asserts that nothing of the server's inside reached the client: no driver text, path, host or name. */
export function expectNothingInternal(reply: SignInReply, secrets: string[]): void {
  for (const secret of [...secrets, "SQLITE", "Prisma", "invocation", "disk I/O", "readonly", "does not exist"]) {
    expect(reply.visible.toLowerCase()).not.toContain(secret.toLowerCase());
  }
}

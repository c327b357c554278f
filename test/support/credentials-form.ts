// Posting to next-auth's credentials callback as the sign-in form does: one CSRF token and its cookie, then
// the email and password. Every test that signs in through the form builds on this.

/** The cookies a response sets, as a Cookie header sends them back. */
export function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** A sign-in form as the browser holds it: next-auth's CSRF token and cookie, for any number of posts. */
export async function credentialsForm(base: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookiesOf(csrf.headers);
  /** One post; json: the form's own way (a JSON answer naming the URL), else a plain form post (a redirect). */
  return (email: string, password: string, { json = true, headers = {} }: PostOptions = {}) =>
    fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: base, ...headers },
      body: new URLSearchParams({ csrfToken, email, password, ...(json ? { json: "true" } : {}) }),
    });
}

type PostOptions = { json?: boolean; headers?: Record<string, string> };

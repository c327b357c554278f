// What a failed sign-in may tell the person at the form. next-auth hands the message of an error thrown by
// `authorize` to the browser, in its redirect URL (`?error=...`) and to anyone who posts to the endpoint:
// only these messages may go there (lib/auth/sign-in-failure.ts), never an internal error's text.

export const SERVICE_UNAVAILABLE = "The service is unavailable; try again shortly.";
export const SIGN_IN_FAILED = "Signing in failed on our side; try again shortly.";
export const WRONG_CREDENTIALS = "Incorrect email or password, or the account is disabled.";
/** How the throttle's message starts ("Too many attempts; try again in N seconds", lib/errors.ts). */
const TOO_MANY_ATTEMPTS = "Too many attempts";

/** The form's message for next-auth's `error`: the error itself when it is meant for people. */
export function signInErrorMessage(error: string): string {
  const forPeople = error === SERVICE_UNAVAILABLE || error === SIGN_IN_FAILED || error.startsWith(TOO_MANY_ATTEMPTS);
  return forPeople ? error : WRONG_CREDENTIALS;
}

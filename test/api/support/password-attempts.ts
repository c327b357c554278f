// Password attempts from a chosen client address (the shared server trusts X-Forwarded-For), on the three paths
// that check a password: Basic on POST /v4/apiAccessTokens, the sign-in form's callback, and a password change.
import { parseEnv } from "@/lib/env";
import { rateLimitConfig } from "@/lib/rate-limit/config";
import { credentialsForm } from "../../support/credentials-form";
import { API_TEST_RATE_LIMITS } from "../../support/server";
import { api, baseUrl, bearer, type ApiResponse } from "./client";

/** The limits the shared test server runs with, as the app reads them. */
export const limits = rateLimitConfig(parseEnv(API_TEST_RATE_LIMITS));

export function basicLogin(email: string, password: string, from: string): Promise<ApiResponse> {
  return api("POST", "/v4/apiAccessTokens", {
    auth: { basic: { email, password } },
    json: { lifetimeSeconds: 3600 },
    headers: { "X-Forwarded-For": from },
  });
}

export function changePassword(token: string, currentPassword: string, from: string): Promise<ApiResponse> {
  return api("PUT", "/v4/people/current/password", {
    auth: bearer(token),
    json: { currentPassword, newPassword: "a-new-password-123" },
    headers: { "X-Forwarded-For": from },
  });
}

/** What the sign-in form is told: signed in, a wrong password (CredentialsSignin), or the refusal's message. */
export type FormOutcome = "signed-in" | "CredentialsSignin" | string;

/** A sign-in form as the browser has it: one CSRF token and cookie, used for every attempt. */
export async function signInForm(): Promise<(email: string, password: string, from: string) => Promise<FormOutcome>> {
  const post = await credentialsForm(baseUrl());
  return async (email, password, from) => {
    const response = await post(email, password, { headers: { "X-Forwarded-For": from } });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get("error") ?? "signed-in";
  };
}

/** How many times each value occurs. */
export function tally<T extends string | number>(values: T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

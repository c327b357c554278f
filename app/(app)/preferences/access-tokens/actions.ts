"use server";

import { revalidatePath } from "next/cache";
import { requireUser, sessionAuditSource } from "@/lib/auth/session";
import { createAccessToken, deleteAccessToken } from "@/lib/data/access-tokens";
import type { TokenInfo } from "@/lib/data/token-info";
import { actionFailure, fieldErrorsOf } from "@/lib/action-errors";
import { DAY_SECONDS, NON_EXPIRING } from "@/lib/tokens/policy";
import { generateTokenFormSchema } from "@/lib/validations/access-token";

const PAGE = "/preferences/access-tokens";

export type GenerateTokenState =
  | { ok: true; tokenValue: string; tokenInfo: TokenInfo }
  | { ok: false; fieldErrors: { lifetimeDays?: string; description?: string }; message?: string };

export async function generateTokenAction(input: {
  lifetimeDays: string;
  description: string;
}): Promise<GenerateTokenState> {
  const user = await requireUser();
  const parsed = generateTokenFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { lifetimeDays, description } = parsed.data;
  const lifetimeSeconds = lifetimeDays === NON_EXPIRING ? NON_EXPIRING : lifetimeDays * DAY_SECONDS;
  try {
    const created = await createAccessToken(user, { lifetimeSeconds, description }, await sessionAuditSource());
    revalidatePath(PAGE);
    return { ok: true, ...created };
  } catch (error) {
    return { ok: false, ...actionFailure(error, { lifetimeSeconds: "lifetimeDays", description: "description" }) };
  }
}

export async function deleteTokenAction(tokenId: string): Promise<{ ok: boolean; message?: string }> {
  const user = await requireUser();
  try {
    await deleteAccessToken(user, tokenId, await sessionAuditSource());
    revalidatePath(PAGE);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: actionFailure(error).message };
  }
}

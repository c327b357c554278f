import "server-only";
import { db } from "@/lib/db/client";
import { errorLabel } from "@/lib/errors";
import { isStorableEmail } from "@/lib/validations/email";
import type { Account } from "./actor";

// An address stays familiar to an account for this long after its last successful sign-in from there, so that
// an address handed on to someone else (a dynamic IP) stops being trusted in time.
const FAMILIAR_DAYS = 90;

/**
 * Whether the account (a normalized email in a workspace) signed in successfully from this address lately: such
 * an attempt is checked even while the account is blocked (lib/rate-limit/password-gate.ts).
 */
export async function isFamiliarAddress({ workspaceId, email }: Account, address: string): Promise<boolean> {
  if (!isStorableEmail(email)) return false;
  const since = new Date(Date.now() - FAMILIAR_DAYS * 86_400_000);
  const known = await db.signInAddress.findFirst({
    where: { address, lastSignInAt: { gte: since }, user: { workspaceId, email } },
    select: { userId: true },
  });
  return known !== null;
}

/** Notes a successful sign-in from the address. Never fails the sign-in: a failure is logged and skipped. */
export async function rememberSignInAddress(userId: string, address: string): Promise<void> {
  const lastSignInAt = new Date();
  try {
    await db.signInAddress.upsert({
      where: { userId_address: { userId, address } },
      create: { userId, address, lastSignInAt },
      update: { lastSignInAt },
    });
  } catch (error) {
    console.error("Could not remember the sign-in address:", errorLabel(error));
  }
}

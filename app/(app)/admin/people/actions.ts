"use server";

import { revalidatePath } from "next/cache";
import { actionFailure, fieldErrorsOf, type ActionFailure } from "@/lib/action-errors";
import { requireAdminUser, sessionAuditSource } from "@/lib/auth/session";
import { deleteAccessToken } from "@/lib/data/access-tokens";
import { createPerson, updatePerson } from "@/lib/data/people";
import { createPersonSchema, updatePersonSchema, type UpdatePersonInput } from "@/lib/validations/people";

export type PersonActionState = { ok: boolean } & Partial<ActionFailure>;

export async function createPersonAction(input: {
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
}): Promise<PersonActionState> {
  const admin = await requireAdminUser();
  const parsed = createPersonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await createPerson(admin, parsed.data, await sessionAuditSource());
    revalidatePath("/admin/people");
    return { ok: true };
  } catch (error) {
    return { ok: false, ...actionFailure(error, { email: "email" }) };
  }
}

export async function updatePersonAction(id: string, change: UpdatePersonInput): Promise<PersonActionState> {
  const admin = await requireAdminUser();
  const parsed = updatePersonSchema.safeParse(change);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  try {
    await updatePerson(admin, id, parsed.data, await sessionAuditSource());
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    return { ok: false, ...actionFailure(error) };
  }
}

export async function deletePersonTokenAction(tokenId: string): Promise<{ ok: boolean; message?: string }> {
  const admin = await requireAdminUser();
  try {
    await deleteAccessToken(admin, tokenId, await sessionAuditSource());
    revalidatePath("/admin/people", "layout");
    return { ok: true };
  } catch (error) {
    return { ok: false, message: actionFailure(error).message };
  }
}

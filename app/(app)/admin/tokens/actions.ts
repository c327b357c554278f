"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { deleteWorkspaceTokens, MAX_REVOKE_AT_ONCE } from "@/lib/data/access-tokens";
import { routes } from "@/lib/routes";
import { tokenIdSchema } from "@/lib/validations/ids";

/** Revoke selected: the checked tokens of a page of Admin > Tokens, each deletion audited. */
export const revokeTokensAction = serverAction(
  { args: z.tuple([z.array(tokenIdSchema).min(1).max(MAX_REVOKE_AT_ONCE)]), revalidate: [routes.tokens] },
  async ([tokenIds], { user, source }) => ({ revoked: await deleteWorkspaceTokens(user, tokenIds, source) }),
);

"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { createAccessToken, deleteAccessToken } from "@/lib/data/access-tokens";
import { routes } from "@/lib/routes";
import { DAY_SECONDS, NON_EXPIRING } from "@/lib/tokens/policy";
import type { Scope } from "@/lib/tokens/scopes";
import { generateTokenFormSchema } from "@/lib/validations/access-token";
import { tokenIdSchema } from "@/lib/validations/ids";

export const generateTokenAction = serverAction(
  {
    args: z.tuple([generateTokenFormSchema]),
    fields: { lifetimeSeconds: "lifetimeDays", description: "description" },
    revalidate: [routes.accessTokens],
  },
  async ([{ lifetimeDays, description, access }], { user, source }) => {
    const lifetimeSeconds = lifetimeDays === NON_EXPIRING ? NON_EXPIRING : lifetimeDays * DAY_SECONDS;
    const scopes: Scope[] = access === "read_only" ? ["read_api"] : ["api"];
    return createAccessToken(user, { lifetimeSeconds, description, scopes }, source);
  },
);

export const deleteTokenAction = serverAction(
  { args: z.tuple([tokenIdSchema]), revalidate: [routes.accessTokens] },
  async ([tokenId], { user, source }) => deleteAccessToken(user, tokenId, source),
);

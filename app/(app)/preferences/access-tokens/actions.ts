"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { createAccessToken, deleteAccessToken } from "@/lib/data/access-tokens";
import { routes } from "@/lib/routes";
import { DAY_SECONDS, NON_EXPIRING } from "@/lib/tokens/policy";
import { generateTokenFormSchema } from "@/lib/validations/access-token";
import { tokenIdSchema } from "@/lib/validations/ids";

export const generateTokenAction = serverAction(
  {
    args: z.tuple([generateTokenFormSchema]),
    fields: { lifetimeSeconds: "lifetimeDays", description: "description" },
    revalidate: [routes.accessTokens],
  },
  async ([{ lifetimeDays, description }], { user, source }) => {
    const lifetimeSeconds = lifetimeDays === NON_EXPIRING ? NON_EXPIRING : lifetimeDays * DAY_SECONDS;
    return createAccessToken(user, { lifetimeSeconds, description }, source);
  },
);

export const deleteTokenAction = serverAction(
  { args: z.tuple([tokenIdSchema]), revalidate: [routes.accessTokens] },
  async ([tokenId], { user, source }) => deleteAccessToken(user, tokenId, source),
);

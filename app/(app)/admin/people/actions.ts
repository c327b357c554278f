"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/server-action";
import { deletePersonAccessToken } from "@/lib/data/access-tokens";
import { createPerson, updatePerson } from "@/lib/data/people";
import { routes } from "@/lib/routes";
import { personIdSchema, tokenIdSchema } from "@/lib/validations/ids";
import { createPersonSchema, personChangeFormSchema } from "@/lib/validations/people";

export const createPersonAction = serverAction(
  {
    args: z.tuple([createPersonSchema]),
    fields: { email: "email" },
    revalidate: [routes.people],
  },
  async ([input], { user, source }) => {
    await createPerson(user, input, source);
  },
);

export const updatePersonAction = serverAction(
  { args: z.tuple([personIdSchema, personChangeFormSchema]), revalidate: [routes.home, "layout"] },
  async ([id, change], { user, source }) => {
    await updatePerson(user, id, change, source);
  },
);

export const deletePersonTokenAction = serverAction(
  { args: z.tuple([tokenIdSchema]), revalidate: [routes.people, "layout"] },
  async ([tokenId], { user, source }) => deletePersonAccessToken(user, tokenId, source),
);

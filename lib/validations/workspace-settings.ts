import { z } from "zod";
import { MAX_LIFETIME_DAYS } from "./access-token";
import { objectErrors } from "./common";

export const updateWorkspaceSettingsSchema = z.object(
  {
    apiAccessTokensEnabled: z.boolean({ error: "must be true or false" }).optional(),
    usersCanGenerateApiAccessTokens: z.boolean({ error: "must be true or false" }).optional(),
    maxUserTokenLifetimeDays: z
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number of days" })
      .refine((n) => n === -1 || (n >= 1 && n <= MAX_LIFETIME_DAYS), {
        error: `must be from 1 to ${MAX_LIFETIME_DAYS} days, or -1 for unlimited`,
      })
      .optional(),
  },
  objectErrors,
);
export type UpdateWorkspaceSettingsInput = z.infer<typeof updateWorkspaceSettingsSchema>;

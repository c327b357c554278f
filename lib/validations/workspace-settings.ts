import { z } from "zod";
import { MAX_LIFETIME_DAYS } from "./access-token";
import { objectErrors } from "./common";

const maxUserTokenLifetimeDays = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number of days" })
  .refine((n) => n === -1 || (n >= 1 && n <= MAX_LIFETIME_DAYS), {
    error: `must be from 1 to ${MAX_LIFETIME_DAYS} days, or -1 for unlimited`,
  });

export const updateWorkspaceSettingsSchema = z.object(
  {
    apiAccessTokensEnabled: z.boolean({ error: "must be true or false" }).optional(),
    usersCanGenerateApiAccessTokens: z.boolean({ error: "must be true or false" }).optional(),
    maxUserTokenLifetimeDays: maxUserTokenLifetimeDays.optional(),
  },
  objectErrors,
);
export type UpdateWorkspaceSettingsInput = z.infer<typeof updateWorkspaceSettingsSchema>;

/** The Workspace Settings form: the lifetime as typed. */
export const workspaceSettingsFormSchema = z.object({
  apiAccessTokensEnabled: z.boolean(),
  usersCanGenerateApiAccessTokens: z.boolean(),
  maxUserTokenLifetimeDays: z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: "Enter a whole number of days, or -1 for unlimited" })
    .transform(Number)
    .pipe(maxUserTokenLifetimeDays),
});
export type WorkspaceSettingsFormInput = z.input<typeof workspaceSettingsFormSchema>;

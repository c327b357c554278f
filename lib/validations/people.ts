import { z } from "zod";
import { objectErrors, plainText, required } from "./common";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further than 72 bytes

export const passwordSchema = z
  .string({ error: required("a string") })
  .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .refine((s) => new TextEncoder().encode(s).length <= MAX_PASSWORD_LENGTH, {
    error: `must be at most ${MAX_PASSWORD_LENGTH} bytes`,
  });

export const changePasswordSchema = z.object(
  {
    currentPassword: z
      .string({ error: required("a string") })
      .min(1, { error: "is required" })
      .max(1024),
    newPassword: passwordSchema,
  },
  objectErrors,
);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

const name = plainText({ min: 1, max: 100 });

export const createPersonSchema = z.object(
  {
    email: z
      .string({ error: required("a string") })
      .trim()
      .max(254, { error: "must be at most 254 characters" })
      .pipe(z.email({ error: "must be an email address" })),
    name,
    password: passwordSchema,
    isAdmin: z.boolean({ error: "must be true or false" }).optional().default(false),
  },
  objectErrors,
);
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z.object(
  {
    name: name.optional(),
    isAdmin: z.boolean({ error: "must be true or false" }).optional(),
    isDisabled: z.boolean({ error: "must be true or false" }).optional(),
    canGenerateApiAccessTokens: z.boolean({ error: "must be true or false" }).optional(),
  },
  objectErrors,
);
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

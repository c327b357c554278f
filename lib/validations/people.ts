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

/** The People page's row menu: a change of the fields above and nothing else (the API's body may carry more). */
export const personChangeFormSchema = z.strictObject(updatePersonSchema.shape);

const newPasswords = z.object({
  newPassword: z.string().superRefine((value, ctx) => {
    const problem = passwordSchema.safeParse(value).error?.issues[0];
    if (problem) ctx.addIssue({ code: "custom", message: `New password ${problem.message}` });
  }),
  confirmPassword: z.string(),
});

/** The Profile page's Change password form, with the form's own wording. */
export const changePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password" }),
    ...newPasswords.shape,
  })
  .refine((form) => form.confirmPassword === form.newPassword, {
    error: "The passwords do not match",
    path: ["confirmPassword"],
    // Only once both passwords are acceptable strings: a refused new password gets that one message.
    when: (payload) => newPasswords.safeParse(payload.value).success,
  });
export type ChangePasswordFormInput = z.input<typeof changePasswordFormSchema>;

const ENTER_BOTH = "Enter your email and password.";

/** The sign-in form, before it hands the two to next-auth: both filled in, the email trimmed. */
export const signInFormSchema = z.object({
  email: z.string().trim().min(1, { error: ENTER_BOTH }),
  password: z.string().min(1, { error: ENTER_BOTH }),
});

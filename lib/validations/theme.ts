import { z } from "zod";

/** How a person's pages look: following the system's prefers-color-scheme, or always light, or always dark. */
export const THEMES = ["system", "light", "dark"] as const;
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

/** A stored value read back from the database; anything unknown (a hand-edited row) follows the system. */
export function toTheme(value: unknown): Theme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

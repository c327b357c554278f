import { describe, expect, test } from "vitest";
import { themeSchema, toTheme } from "./theme";

describe("theme", () => {
  test("accepts the three choices and nothing else", () => {
    for (const theme of ["system", "light", "dark"]) expect(themeSchema.parse(theme)).toBe(theme);
    for (const bad of ["Dark", "", null, 1, ["dark"], { not: "dark" }])
      expect(themeSchema.safeParse(bad).success).toBe(false);
  });

  test("a stored value that is not a choice reads as system", () => {
    expect(toTheme("dark")).toBe("dark");
    expect(toTheme("purple")).toBe("system");
    expect(toTheme(null)).toBe("system");
  });
});

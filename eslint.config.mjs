import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // Imports in one order everywhere: Node's, packages, the app's own (@/…), then relative; each sorted by path.
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
    },
  },
  {
    // Every export of a "use server" file is a public POST endpoint taking whatever JSON the client sends: it is
    // declared only through serverAction() (lib/actions/server-action.ts), which parses every argument.
    files: ["app/**/actions.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "ExportNamedDeclaration > FunctionDeclaration",
          "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.callee.name!='serverAction']",
          "ExportNamedDeclaration[specifiers.length>0]",
          "ExportAllDeclaration",
          "ExportDefaultDeclaration",
        ].map((selector) => ({
          selector,
          message: "Declare a server action as `export const xAction = serverAction(...)`",
        })),
      ],
    },
  },
  {
    // A "use server" directive anywhere else (a module, or an inline action) would escape the rule above.
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["app/**/actions.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement[directive='use server']",
          message: "Server actions live in app/**/actions.ts only, declared with serverAction()",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "bench/results/**",
  ]),
]);

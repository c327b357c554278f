import type { TokenInfo } from "@/lib/data/token-info";
import { allows } from "@/lib/tokens/scopes";
import type { GenerateTokenFormInput } from "@/lib/validations/access-token";

/** What a token may do, as the Generate New Token dialog asks for it and the pages show it. */
export type TokenAccess = GenerateTokenFormInput["access"];

export const accessLabels: Record<TokenAccess, string> = { read_write: "Read and write", read_only: "Read only" };

export const accessHints: Record<TokenAccess, string> = {
  read_write: "Any request you could make yourself, including creating, changing and deleting",
  read_only: "GET and HEAD requests only: it cannot create, change or delete anything",
};

/** A token whose scopes do not include api is read only (read_api). */
export function accessOf(scopes: TokenInfo["scopes"]): TokenAccess {
  return allows(scopes, "api") ? "read_write" : "read_only";
}

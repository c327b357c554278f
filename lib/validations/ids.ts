import { z } from "zod";
import { isTokenId } from "@/lib/tokens/format";
import { isPersonId } from "./common";

// Ids that server actions take from the browser. Server-side only: the token format uses node:crypto.
export const tokenIdSchema = z.string().refine(isTokenId, { error: "must be a token's 16-character public id" });
export const personIdSchema = z.string().refine(isPersonId, { error: "must be a person's id" });

import { z } from "zod";
import type { TokenStatus } from "@/lib/tokens/policy";
import { isPersonId } from "./common";

const STATUSES = ["active", "expired", "blocked"] as const satisfies readonly TokenStatus[];
export const INVENTORY_SORTS = ["created", "lastUsed", "expiry"] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];
/** The longest "unused for N days" asked about: ten years. */
export const MAX_UNUSED_DAYS = 3650;

const flag = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");

/**
 * The filters of the workspace's token inventory, as query parameters (GET /v4/workspaces/current/apiAccessTokens
 * and Admin > Tokens, which keeps them in its URL). Each bad one is a 400 naming it.
 */
export const tokenInventoryFiltersSchema = z.object({
  personId: z
    .string()
    .refine(isPersonId, { error: "must be a person's id" })
    .optional()
    .describe("Only this person's tokens"),
  status: z
    .enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })
    .optional()
    .describe("active, expired, or blocked (refused by the workspace's policy)"),
  neverExpires: flag.optional().describe("true: only tokens created without an expiry"),
  unusedDays: z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number of days from 1 to ${MAX_UNUSED_DAYS}` })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(1)
        .max(MAX_UNUSED_DAYS, { error: `must be at most ${MAX_UNUSED_DAYS}` }),
    )
    .optional()
    .describe("Only tokens not used for at least this many days (never used ones included)"),
  neverUsed: flag.optional().describe("true: only tokens that were never used"),
  sort: z
    .enum(["created", "-created", "lastUsed", "-lastUsed", "expiry", "-expiry"], {
      error: "must be created, lastUsed or expiry, with a leading - for descending",
    })
    .optional()
    .default("-created")
    .describe("created, lastUsed or expiry; a leading - sorts descending (default -created, newest first)"),
});
export type TokenInventoryFilters = z.infer<typeof tokenInventoryFiltersSchema>;

/** The filter names as query parameters, for the page's links and form. */
export const INVENTORY_FILTER_NAMES = Object.keys(tokenInventoryFiltersSchema.shape) as Array<
  keyof TokenInventoryFilters
>;

/** The filters from query parameters: empty ones are left out, the first of a repeated one counts. */
export function inventoryFilterInput(params: URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const name of INVENTORY_FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) input[name] = value;
  }
  return input;
}

export type InventoryQuery = {
  filters: TokenInventoryFilters;
  /** The filters as given, for the form, the paging links and the export link (empty ones dropped). */
  values: Record<string, string>;
  page: number;
  /** Why the filters could not be used; then nothing is filtered. */
  problem: string | null;
};

/** Admin > Tokens keeps its filters and page in the URL: Next's searchParams as the inventory's filters. */
export function inventoryQuery(searchParams: Record<string, string | string[] | undefined>): InventoryQuery {
  const params = new URLSearchParams();
  for (const name of [...INVENTORY_FILTER_NAMES, "page"]) {
    const raw = searchParams[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) params.set(name, value);
  }
  const values = inventoryFilterInput(params);
  const rawPage = Number(params.get("page"));
  const page = Number.isInteger(rawPage) && rawPage > 0 && rawPage < 1_000_000 ? rawPage : 1;
  const parsed = tokenInventoryFiltersSchema.safeParse(values);
  if (parsed.success) return { filters: parsed.data, values, page, problem: null };
  const problem = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
  return { filters: tokenInventoryFiltersSchema.parse({}), values, page, problem };
}

/** A link to the same filtered list: a page of it, or the CSV export (page omitted). */
export function inventoryHref(path: string, values: Record<string, string>, page = 1): string {
  const params = new URLSearchParams(values);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

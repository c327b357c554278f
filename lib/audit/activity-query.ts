// The Activity pages keep their filters and page in the URL query: this turns Next's searchParams into
// the API's filters and builds the links that keep them.
import { AppError } from "@/lib/errors";
import { pageNumber } from "@/lib/http/pagination";
import { parseAuditFilters, type AuditFilters } from "./filters";

export const ACTIVITY_PAGE_SIZE = 50;
export type SearchParams = Record<string, string | string[] | undefined>;
const FILTER_NAMES = ["personId", "tokenId", "type"] as const;

export type ActivityQuery = {
  filters: AuditFilters;
  /** The filters as given, for the form and the paging links (empty ones dropped). */
  values: Partial<Record<(typeof FILTER_NAMES)[number], string>>;
  page: number;
  /** Why the filters could not be used (the API's 400 message); then nothing is filtered. */
  problem: string | null;
};

export function activityQuery(searchParams: SearchParams): ActivityQuery {
  const values: ActivityQuery["values"] = {};
  for (const name of FILTER_NAMES) {
    const raw = searchParams[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) values[name] = value;
  }
  const page = pageNumber(typeof searchParams.page === "string" ? searchParams.page : undefined);
  try {
    return { filters: parseAuditFilters(new URLSearchParams(values)), values, page, problem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { filters: {}, values, page, problem: error.message };
  }
}

/** The link to a page of the same filtered list. */
export function activityHref(path: string, values: ActivityQuery["values"], page: number): string {
  const params = new URLSearchParams(values);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

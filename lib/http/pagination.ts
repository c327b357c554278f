import { invalidField } from "@/lib/errors";

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

export function parsePage(params: URLSearchParams): { limit: number; offset: number } {
  return {
    limit: parseBounded(params.get("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
    offset: parseBounded(params.get("offset"), "offset", 0, 0, 1_000_000_000),
  };
}

function parseBounded(raw: string | null, name: string, fallback: number, min: number, max: number): number {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw invalidField(name, `must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

/** The 1-based page number of a UI page's ?page= parameter; anything unusable means the first page. */
export function pageNumber(raw: string | undefined): number {
  const page = Number(raw);
  return Number.isInteger(page) && page > 0 && page < 1_000_000 ? page : 1;
}

// The filters of GET /v4/auditEvents and the Activity pages, from query parameters: each bad one is a 400
// that names it.
import { invalidField } from "@/lib/errors";
import { isTokenId } from "@/lib/tokens/format";
import { isPersonId } from "@/lib/validations/common";
import { auditEventTypes, isAuditEventType, type AuditEventType } from "./event-types";

export type AuditFilters = {
  /** Events by or about this person. */
  personId?: string;
  /** Events about this token, or done with it. */
  tokenId?: string;
  types?: AuditEventType[];
  since?: Date;
  until?: Date;
};

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const personId = single(params, "personId");
  if (personId !== undefined) {
    if (!isPersonId(personId)) throw invalidField("personId", "must be a person's id");
    filters.personId = personId;
  }
  const tokenId = single(params, "tokenId");
  if (tokenId !== undefined) {
    if (!isTokenId(tokenId)) throw invalidField("tokenId", "must be a token's 16-character public id");
    filters.tokenId = tokenId;
  }
  const types = params
    .getAll("type")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  if (params.has("type")) {
    const unknown = types.find((type) => !isAuditEventType(type));
    if (unknown !== undefined || types.length === 0) {
      throw invalidField("type", `must be one or more of ${auditEventTypes.join(", ")}`);
    }
    filters.types = [...new Set(types)] as AuditEventType[];
  }
  filters.since = dateParam(params, "since");
  filters.until = dateParam(params, "until");
  if (filters.since && filters.until && filters.since > filters.until) {
    throw invalidField("since", "must not be later than until");
  }
  return withoutUndefined(filters);
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw invalidField(name, "may be given only once");
  return values[0]?.trim();
}

function dateParam(params: URLSearchParams, name: "since" | "until"): Date | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const date = new Date(raw);
  if (!DATE.test(raw) || Number.isNaN(date.getTime())) {
    throw invalidField(name, "must be an ISO-8601 date or time, such as 2026-01-31 or 2026-01-31T12:00:00Z");
  }
  return date;
}

function withoutUndefined(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as AuditFilters;
}

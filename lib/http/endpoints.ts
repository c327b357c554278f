// The REST endpoints a token can call: what `GET /` with a Bearer token lists (the seed's curl example).
// Derived from the API registry, like the OpenAPI document, so the two always agree.
import { endpointList } from "@/lib/openapi/document";

export type Endpoint = ReturnType<typeof endpointList>[number];

export const endpoints: Endpoint[] = endpointList();

// Checks live responses against the served OpenAPI document: the response schema documented for the operation
// and status, compiled with ajv (JSON Schema draft 2020-12, OpenAPI 3.1's dialect).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { ApiResponse } from "./client";

type Json = Record<string, unknown>;
export type OpenApiDocument = { paths: Record<string, Record<string, Json>>; components: Json & { responses: Json } };

const DOCUMENT_ID = "https://tessera.test/openapi.json";

export class ResponseChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    // The whole document under one id, so `#/components/schemas/X` references resolve inside it.
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  }

  /** The documented response of a status: the operation's own, or for 405 the shared one of undocumented methods. */
  responseFor(method: string, path: string, status: number): Json | undefined {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    let response = (operation?.responses as Json | undefined)?.[status] as Json | undefined;
    if (!operation && status === 405) response = { $ref: "#/components/responses/Error405" };
    const ref = response?.$ref;
    if (typeof ref === "string") response = this.document.components.responses[ref.split("/").pop() ?? ""] as Json;
    return response;
  }

  /** Asserts the status is documented for the operation and the body matches its schema (or is empty). */
  check(method: string, path: string, response: ApiResponse): void {
    const where = `${method} ${path} → ${response.status}`;
    const documented = this.responseFor(method, path, response.status);
    expect(documented, `${where} is not documented; body: ${response.text}`).toBeDefined();
    const content = documented?.content as Record<string, { schema: Json }> | undefined;
    if (!content) {
      expect(response.text, `${where} should have no body`).toBe("");
      return;
    }
    expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
    const schema = content["application/json"].schema;
    const validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${String(schema.$ref)}` });
    const valid = validate(response.body);
    expect(valid, `${where}: ${this.ajv.errorsText(validate.errors)}\n${response.text.slice(0, 500)}`).toBe(true);
  }
}

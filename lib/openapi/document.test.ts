import { compileErrors, validate } from "@readme/openapi-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/http/endpoints";
import { buildOpenApiDocument, errorStatuses } from "./document";
import { operations } from "./registry";

const document = buildOpenApiDocument() as unknown as OpenAPIV3_1.Document;
type Responses = Record<string, OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject>;

function responsesOf(method: string, path: string): Responses {
  const item = document.paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined;
  const responses = item?.[method.toLowerCase()]?.responses;
  if (!responses) throw new Error(`${method} ${path} is not in the document`);
  return responses as Responses;
}

/** The response a status points at, following a $ref into components.responses. */
function resolve(response: OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject): OpenAPIV3_1.ResponseObject {
  if (!("$ref" in response)) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  const found = document.components?.responses?.[name];
  if (!found || "$ref" in found) throw new Error(`unresolved ${response.$ref}`);
  return found;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    // validate() dereferences its argument in place: give it a copy.
    const result = await validate(structuredClone(document));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents the token expiry header on the success of every operation that takes credentials", () => {
    for (const op of operations) {
      const success = resolve(responsesOf(op.method, op.path)[op.success.status]);
      const header = success.headers?.["Tessera-Token-Expires"];
      if (op.auth === "none") expect(header, `${op.method} ${op.path}`).toBeUndefined();
      else expect(header, `${op.method} ${op.path}`).toBeDefined();
    }
  });

  it("describes every operation of the registry, once", () => {
    const inDocument = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(inDocument.sort()).toEqual(operations.map((op) => `${op.method} ${op.path}`).sort());
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s documents its success and every error status with the error body",
    (_name, op) => {
      const responses = responsesOf(op.method, op.path);
      expect(Object.keys(responses).map(Number)).toEqual([op.success.status, ...errorStatuses(op)].sort());
      for (const status of errorStatuses(op)) {
        const schema = resolve(responses[status]).content?.["application/json"]?.schema;
        expect(schema, `${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
      const success = resolve(responses[op.success.status]);
      if (op.success.status === 204) expect(success.content).toBeUndefined();
      else
        expect(success.content?.["application/json"]?.schema).toEqual({
          $ref: `#/components/schemas/${op.success.body}`,
        });
    },
  );

  it("asks for credentials everywhere but the public routes, and Basic only when creating a token", () => {
    for (const op of operations) {
      const item = document.paths?.[op.path] as Record<string, OpenAPIV3_1.OperationObject>;
      const schemes = (item[op.method.toLowerCase()].security ?? []).flatMap((s) => Object.keys(s));
      if (op.auth === "none") expect(schemes).toEqual([]);
      else expect(schemes).toContain("bearerToken");
      expect(schemes.includes("emailPassword")).toBe(op.method === "POST" && op.path === "/v4/apiAccessTokens");
    }
  });

  it("names the scope a token needs: read_api to read, api to write; verify, whatever the proxied request needs", () => {
    const scopesOf = (method: string, path: string) => {
      const item = document.paths?.[path] as Record<string, OpenAPIV3_1.OperationObject>;
      return item[method.toLowerCase()].security?.find((s) => "bearerToken" in s)?.bearerToken;
    };
    expect(scopesOf("GET", "/v4/apiAccessTokens")).toEqual(["read_api"]);
    expect(scopesOf("POST", "/v4/apiAccessTokens")).toEqual(["api"]);
    expect(scopesOf("DELETE", "/v4/apiAccessTokens/{tokenId}")).toEqual(["api"]);
    expect(scopesOf("PATCH", "/v4/workspaces/current/settings")).toEqual(["api"]);
    expect(scopesOf("POST", "/v4/auth/introspect")).toEqual(["api"]);
    expect(scopesOf("GET", "/v4/auth/verify")).toEqual([]);
    const forbidden = resolve(responsesOf("DELETE", "/v4/apiAccessTokens/{tokenId}")["403"]);
    expect(forbidden.description).toContain("insufficient_scope");
  });

  it("takes request bodies from the validation schemas, as they accept them: unknown fields allowed", () => {
    const create = document.components?.schemas?.CreateAccessTokenInput;
    expect(create).toMatchObject({ required: ["lifetimeSeconds"] });
    expect(Object.keys(create?.properties ?? {})).toEqual(["lifetimeSeconds", "description", "scopes"]);
    for (const op of operations.filter((o) => o.body)) {
      const schema = document.components?.schemas?.[op.body?.name ?? ""];
      expect(schema, op.operationId).toBeDefined();
      expect(schema?.additionalProperties, op.operationId).toBeUndefined();
    }
  });

  it("says which limit sets a token's expiredAt", () => {
    const tokenInfo = document.components?.schemas?.TokenInfo;
    expect(tokenInfo?.properties?.expiryLimit).toMatchObject({
      anyOf: [{ type: "string", enum: ["lifetime", "workspace_maximum"] }, { type: "null" }],
    });
    expect(tokenInfo?.required).toContain("expiryLimit");
  });

  it("gives GET / the registry's endpoints, without the /v4 alias", () => {
    expect(endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(
      operations.filter((op) => op.path !== "/v4").map((op) => `${op.method} ${op.path}`),
    );
  });
});

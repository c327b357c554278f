import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { endpoints } from "@/lib/http/endpoints";
import { PATHS_BEFORE_NEXT } from "@/lib/server/paths-before-next";
import { adminToken, api, bearer } from "./support/client";
import type { OpenApiDocument } from "./support/openapi";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const root = path.resolve(import.meta.dirname, "../..");

/** Every route.ts under a folder of app/, with its URL path in OpenAPI style (`[id]` → `{id}`). */
function routeFiles(folder: string): Array<{ file: string; path: string }> {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const segments = path.dirname(path.join(folder, file)).split(path.sep).slice(1);
      return {
        file: path.join(folder, file),
        path: `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`,
      };
    });
}

/** The HTTP methods a route file exports, each with whether it only answers 405 (a `methodNotAllowed` handler). */
function exportedMethods(file: string): Array<{ method: string; notAllowed: boolean }> {
  const source = readFileSync(path.join(root, file), "utf8");
  const refusers = [...source.matchAll(/const (\w+) = methodNotAllowed\(/g)].map((m) => m[1]);
  return [...source.matchAll(/export (?:async )?(?:function|const) (\w+)(?: = (\w+))?/g)]
    .filter((m) => METHODS.includes(m[1]))
    .map((m) => ({ method: m[1], notAllowed: m[2] !== undefined && refusers.includes(m[2]) }));
}

async function servedDocument(): Promise<OpenApiDocument> {
  const response = await api<OpenApiDocument>("GET", "/v4/openapi.json");
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe("GET /v4/openapi.json", () => {
  test("serves the OpenAPI 3.1 document without authentication, cacheable for a short while", async () => {
    const response = await api<OpenApiDocument & { openapi: string }>("GET", "/v4/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect(response.body.openapi).toBe("3.1.0");
    expect(Object.keys(response.body.paths)).toContain("/v4/apiAccessTokens");
  });

  test("is refused for other methods with 405", async () => {
    const response = await api("POST", "/v4/openapi.json");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });
});

describe("the document and the routes agree", () => {
  const routes = [...routeFiles("app/v4"), ...routeFiles("app/healthz")].filter((r) => !r.path.includes("[..."));

  test("the scan finds the API's route files", () => {
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(["/v4", "/v4/apiAccessTokens/{tokenId}", "/healthz"]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  test("every method a route file serves is documented, and no method it refuses with 405 is", async () => {
    const document = await servedDocument();
    for (const route of routes) {
      for (const { method, notAllowed } of exportedMethods(route.file)) {
        const documented = document.paths[route.path]?.[method.toLowerCase()] !== undefined;
        expect(documented, `${method} ${route.path} (${route.file})`).toBe(!notAllowed);
      }
    }
  });

  test("every documented operation has a route file that serves it (GET / is GET /v4 by a rewrite)", async () => {
    const document = await servedDocument();
    for (const [docPath, item] of Object.entries(document.paths)) {
      const route = routes.find((r) => r.path === (docPath === "/" ? "/v4" : docPath));
      // The server answers these itself, before Next.js (lib/server/fast-paths.ts): served if not a 404 or 405.
      if (!route && PATHS_BEFORE_NEXT.includes(docPath)) {
        for (const method of Object.keys(item)) {
          const status = (await api(method.toUpperCase(), docPath)).status;
          expect([404, 405], `${method} ${docPath}`).not.toContain(status);
        }
        continue;
      }
      expect(route, docPath).toBeDefined();
      const served = exportedMethods(route?.file ?? "")
        .filter((m) => !m.notAllowed)
        .map((m) => m.method.toLowerCase());
      for (const method of Object.keys(item)) expect(served, `${method} ${docPath}`).toContain(method);
    }
  });

  test("GET / with a token lists exactly the documented operations (less the /v4 alias), as the registry does", async () => {
    const document = await servedDocument();
    const list = await api<{ data: Array<{ method: string; path: string; description: string }>; count: number }>(
      "GET",
      "/",
      { auth: bearer(await adminToken()) },
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.data).toEqual(endpoints);
    expect(list.body.count).toBe(endpoints.length);
    const documented = Object.entries(document.paths)
      .filter(([p]) => p !== "/v4")
      .flatMap(([p, item]) =>
        Object.entries(item).map(([m, op]) => ({ method: m.toUpperCase(), path: p, description: op.summary })),
      );
    expect([...list.body.data].sort(byKey)).toEqual(documented.sort(byKey));
  });
});

function byKey(a: { method: string; path: string }, b: { method: string; path: string }): number {
  return `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`);
}

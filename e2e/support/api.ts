// The one client the Playwright specs call the REST API with, as a script would (fetch, JSON, Bearer or Basic),
// to set up people, tokens and workspace settings fast and to check what a token gets. The response shapes are
// the OpenAPI document's schemas.
import { z } from "zod";
import {
  createdTokenSchema,
  errorSchema,
  personListSchema,
  personSchema,
  tokenInfoListSchema,
  workspaceSettingsSchema,
} from "@/lib/openapi/schemas";
import { E2E_ADMIN } from "../../playwright.config";

export type Credentials = { email: string; password: string };
export type Person = z.infer<typeof personSchema>;
export type TestPerson = Person & Credentials;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
type PersonChange = Partial<Pick<Person, "name" | "isAdmin" | "isDisabled" | "canGenerateApiAccessTokens">>;

export type Auth = { bearer: string } | { basic: Credentials } | null;
export type ApiResponse = { status: number; body: unknown; headers: Headers };

let uniqueCounter = 0;
/** A value no other test (or earlier run against a reused database) has used. */
export function unique(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${uniqueCounter}`;
}

/** The error code of a failed API call, or null when the body is not the contract's error shape. */
export function errorCode(response: { body: unknown }): string | null {
  const parsed = errorSchema.safeParse(response.body);
  return parsed.success ? parsed.data.error.code : null;
}

// One admin token per worker process: every Basic sign-in costs a bcrypt comparison on the server.
let adminTokenValue: string | null = null;

export class Api {
  constructor(readonly baseURL: string) {}

  async call(
    method: string,
    urlPath: string,
    auth: Auth,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { Accept: "application/json", ...extraHeaders };
    if (auth && "bearer" in auth) headers.Authorization = `Bearer ${auth.bearer}`;
    if (auth && "basic" in auth) {
      const pair = `${auth.basic.email}:${auth.basic.password}`;
      headers.Authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
    }
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(new URL(urlPath, this.baseURL), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get("content-type")?.includes("application/json") && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Calls the API and insists on the expected status, so set-up failures say what went wrong. */
  async expectStatus(method: string, urlPath: string, auth: Auth, status: number, body?: unknown): Promise<unknown> {
    const response = await this.call(method, urlPath, auth, body);
    if (response.status !== status) {
      throw new Error(
        `${method} ${urlPath}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  /** Basic (a person's email and password) for a first token, or a Bearer token of the same person. */
  async createToken(auth: Auth, lifetimeSeconds = 86_400, description = ""): Promise<CreatedToken> {
    const body = await this.expectStatus("POST", "/v4/apiAccessTokens", auth, 201, { lifetimeSeconds, description });
    return createdTokenSchema.parse(body);
  }

  /** A token of the first admin, got with Basic auth as the seed describes, once per worker. */
  async adminToken(): Promise<string> {
    adminTokenValue ??= (await this.createToken({ basic: E2E_ADMIN }, 3600, "e2e admin")).tokenValue;
    return adminTokenValue;
  }

  private async asAdmin(method: string, urlPath: string, status: number, body?: unknown): Promise<unknown> {
    return this.expectStatus(method, urlPath, { bearer: await this.adminToken() }, status, body);
  }

  /** GET /v4/people/current with the token: what a script using it would get. */
  async currentPerson(bearer: string): Promise<ApiResponse> {
    return this.call("GET", "/v4/people/current", { bearer });
  }

  /**
   * GET /v4/people/current with the token, as a script with this user agent at this address (X-Forwarded-For:
   * the test server trusts the proxy headers) would call it.
   */
  async useToken(bearer: string, client: { userAgent: string; address: string }): Promise<ApiResponse> {
    return this.call("GET", "/v4/people/current", { bearer }, undefined, {
      "User-Agent": client.userAgent,
      "X-Forwarded-For": client.address,
    });
  }

  /** A new person (a member unless asked otherwise); `canGenerate` gives them individual access to tokens. */
  async createPerson(options: { canGenerate?: boolean; isAdmin?: boolean } = {}): Promise<TestPerson> {
    const name = unique("person");
    const credentials = { email: `${name}@e2e.test`, password: `pw-${name}` };
    const created = personSchema.parse(
      await this.asAdmin("POST", "/v4/people", 201, { ...credentials, name, isAdmin: options.isAdmin ?? false }),
    );
    const person = options.canGenerate
      ? await this.updatePerson(created.id, { canGenerateApiAccessTokens: true })
      : created;
    return { ...person, ...credentials };
  }

  async updatePerson(id: string, change: PersonChange): Promise<Person> {
    return personSchema.parse(await this.asAdmin("PATCH", `/v4/people/${id}`, 200, change));
  }

  /** Everyone in the workspace, page by page. */
  async listPeople(): Promise<Person[]> {
    const people: Person[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = personListSchema.parse(await this.asAdmin("GET", `/v4/people?limit=100&offset=${offset}`, 200));
      people.push(...page.data);
      if (page.data.length === 0 || people.length >= page.count) return people;
    }
  }

  async getSettings(): Promise<WorkspaceSettings> {
    return workspaceSettingsSchema.parse(await this.asAdmin("GET", "/v4/workspaces/current/settings", 200));
  }

  async updateSettings(change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    return workspaceSettingsSchema.parse(await this.asAdmin("PATCH", "/v4/workspaces/current/settings", 200, change));
  }

  async listTokens(bearer: string): Promise<z.infer<typeof tokenInfoListSchema>> {
    return tokenInfoListSchema.parse(await this.expectStatus("GET", "/v4/apiAccessTokens?limit=100", { bearer }, 200));
  }
}

// The REST endpoints a token can call: what `GET /` with a Bearer token lists (the seed's curl example).
export type Endpoint = { method: string; path: string; description: string };

export const endpoints: Endpoint[] = [
  { method: "GET", path: "/", description: "List the REST API endpoints (this list)" },
  {
    method: "POST",
    path: "/v4/apiAccessTokens",
    description: "Create an API access token (Basic email:password or Bearer)",
  },
  { method: "GET", path: "/v4/apiAccessTokens", description: "List your API access tokens" },
  { method: "GET", path: "/v4/apiAccessTokens/{tokenId}", description: "Get one API access token's details" },
  { method: "DELETE", path: "/v4/apiAccessTokens/{tokenId}", description: "Delete an API access token" },
  { method: "GET", path: "/v4/people/current", description: "Get the person the credentials belong to" },
  { method: "PUT", path: "/v4/people/current/password", description: "Change your password" },
  { method: "GET", path: "/v4/people", description: "List the workspace's people (admin)" },
  { method: "POST", path: "/v4/people", description: "Add a person to the workspace (admin)" },
  {
    method: "PATCH",
    path: "/v4/people/{id}",
    description: "Change a person's name, role, status or token access (admin)",
  },
  { method: "GET", path: "/v4/workspaces/current/settings", description: "Get the workspace settings (admin)" },
  { method: "PATCH", path: "/v4/workspaces/current/settings", description: "Change the workspace settings (admin)" },
  { method: "GET", path: "/healthz", description: "Health check (no authentication)" },
];

// The web app's page paths (the folders under app/(app) and app/(auth)), for links, navigation, redirects and
// revalidatePath. proxy.ts lists its own: Next.js reads its matcher before any module runs.
export const routes = {
  home: "/",
  login: "/login",
  accessTokens: "/preferences/access-tokens",
  token: (tokenId: string) => `/preferences/access-tokens/${tokenId}`,
  profile: "/preferences/profile",
  ownActivity: "/preferences/activity",
  people: "/admin/people",
  person: (id: string) => `/admin/people/${id}`,
  tokens: "/admin/tokens",
  tokensExport: "/admin/tokens/export",
  workspaceSettings: "/admin/settings",
  activity: "/admin/activity",
  apiDocumentation: "/help/api",
} as const;

// The web app's page paths (the folders under app/(app) and app/(auth)), for links, navigation, redirects and
// revalidatePath. proxy.ts lists its own: Next.js reads its matcher before any module runs.
export const routes = {
  home: "/",
  login: "/login",
  accessTokens: "/preferences/access-tokens",
  profile: "/preferences/profile",
  ownActivity: "/preferences/activity",
  people: "/admin/people",
  person: (id: string) => `/admin/people/${id}`,
  workspaceSettings: "/admin/settings",
  activity: "/admin/activity",
  apiDocumentation: "/help/api",
} as const;

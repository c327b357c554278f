/** The paths the server answers before Next.js (lib/server/fast-paths.ts); it looks no further for any other. */
export const PATHS_BEFORE_NEXT = ["/v4/auth/verify", "/v4/people/current"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each test or bench run may build into its own folder, so that runs never overwrite a live server's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async rewrites() {
    return {
      // The seed's `curl http://host -H "Authorization: Bearer <token>"` lists the API; without the header, / is the app.
      beforeFiles: [{ source: "/", has: [{ type: "header", key: "authorization" }], destination: "/v4" }],
    };
  },
};

export default nextConfig;

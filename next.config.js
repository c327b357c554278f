// Security headers on every response. Pages get their nonce-based Content-Security-Policy from proxy.ts;
// the API, next-auth and the health check return no HTML, so their CSP allows nothing at all.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Not no-referrer: with it, browsers send "Origin: null" on same-origin POSTs, which fails the CSRF checks.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
const noContentPolicy = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each test or bench run may build into its own folder, so that runs never overwrite a live server's build.
  // A plain read, with lib/env.ts's default: Next.js loads this file as plain JavaScript, which cannot import
  // lib/env.ts. `npm start` checks NEXT_DIST_DIR there first and passes the checked value on.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...["/v4/:path*", "/api/:path*", "/healthz"].map((source) => ({ source, headers: noContentPolicy })),
    ];
  },
  async rewrites() {
    return {
      // The seed's `curl http://host -H "Authorization: Bearer <token>"` lists the API; without the header, / is the app.
      beforeFiles: [{ source: "/", has: [{ type: "header", key: "authorization" }], destination: "/v4" }],
    };
  },
};

export default nextConfig;

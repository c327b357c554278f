import { createRequire } from "node:module";

// Security headers on every response (lib/http/security-headers.json, which the server's own answers before
// Next.js use too). Not Referrer-Policy: no-referrer: with it, browsers send "Origin: null" on same-origin POSTs,
// which fails the CSRF checks. Pages get their nonce-based Content-Security-Policy from proxy.ts; the API,
// next-auth and the health check return no HTML, so their CSP allows nothing at all.
const { everyResponse, noContent } = createRequire(import.meta.url)("./lib/http/security-headers.json");
const asList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));
const securityHeaders = asList(everyResponse);
const noContentPolicy = asList(noContent);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each test or bench run may build into its own folder, so that runs never overwrite a live server's build.
  // A plain read, with lib/env.ts's default: Next.js loads this file as plain JavaScript, which cannot import
  // lib/env.ts. `npm start` checks NEXT_DIST_DIR there first and passes the checked value on.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Loaded by Node, once per process, rather than copied into each bundle: the throttles are built once per
  // process by whichever bundle asks first (the server's fast paths or a route), and the routes recognise a
  // rate-limiter-flexible refusal by its class (test/api/shared-throttles.test.ts).
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "rate-limiter-flexible",
  ],
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

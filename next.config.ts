import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Content-Security-Policy (with a per-request script nonce) and HSTS are set in proxy.ts.
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships WebAssembly and argon2 a native addon, react-pdf its fonts and yoga: load them from node_modules, not the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "pg",
    "@react-pdf/renderer",
  ],
  // `npm test` type-checks once, in `npm run check` (tsc over everything, the routes' generated types included), and
  // builds with STEWARD_SKIP_BUILD_TYPECHECK=1 so that the build does not repeat it (40 CPU-s of a 2-core CI's time).
  typescript: { ignoreBuildErrors: process.env.STEWARD_SKIP_BUILD_TYPECHECK === "1" },
  experimental: {
    authInterrupts: true,
    // A CI checkout builds once: writing Turbopack's cache for a next build that never comes only costs time.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

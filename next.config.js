/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` builds into its own folder so that it never replaces the build a running demo serves.
  distDir: process.env.RHEI_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only clients stay outside the bundle: they open sockets and load WASM at run time.
  serverExternalPackages: ["kafkajs", "@platformatic/kafka", "pg", "@prisma/adapter-pg"],
  // `npm test` type-checks the whole project (tsc --noEmit) in its own stage and sets RHEI_TYPECHECKED=1 for the
  // build only when that passed; every other build checks types itself.
  typescript: { ignoreBuildErrors: process.env.RHEI_TYPECHECKED === "1" },
  // forbidden() and forbidden.tsx: a page the role may not open answers 403 (lib/pages/load-page.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

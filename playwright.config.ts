import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium against the production build served by server.ts on the test profile's
// port. Never a test tool's own browser download: our machines cannot reach it.
const port = Number(process.env.PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e/results.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.RHEI_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "console", testIgnore: /outage\.spec\.ts/ },
    // Stops and restarts the test broker, so it runs after everything else.
    { name: "outage", testMatch: /outage\.spec\.ts/, dependencies: ["console"] },
  ],
  webServer: {
    command: "node --import tsx --import ./scripts/runtime/register-hooks.mjs server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { NODE_ENV: "production" },
    stdout: "pipe",
    stderr: "pipe",
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: path.join(root, "test/server-only-stub.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
};

// Unit tests isolate pure logic; integration tests run against the real PostgreSQL and Kafka of the test
// profile, one file at a time because they share the broker.
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts"],
          environment: "node",
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          setupFiles: ["test/integration-setup.ts"],
        },
      },
    ],
  },
});

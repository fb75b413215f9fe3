import { defineConfig } from "prisma/config";

// Used by `prisma generate` only: migrations run through scripts/db-migrate.ts (the WASM schema engine),
// because the CLI's native engine is a download our machines cannot reach.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

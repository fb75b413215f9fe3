// `npm run db:migrate`: applies the committed migrations that the database has not seen (like `prisma migrate
// deploy`, and recorded in the same `_prisma_migrations` table).
import { readFile } from "node:fs/promises";
import { databaseUrl, readMigrations } from "./db/migrations-on-disk";
import { noFilters, openSchemaEngine, SCHEMA_PATH } from "./db/schema-engine";

const root = process.cwd();
const engine = await openSchemaEngine(databaseUrl(), await readFile(SCHEMA_PATH, "utf8"));
try {
  const migrationsList = await readMigrations(root);
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
  if (appliedMigrationNames.length === 0)
    console.log(`  database up to date (${migrationsList.migrationDirectories.length} migrations)`);
  for (const name of appliedMigrationNames) console.log(`  applied ${name}`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  engine.free();
}
// The adapter's connection pool would hold the process open until its idle timeout.
process.exit(process.exitCode ?? 0);

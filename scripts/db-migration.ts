// `npm run db:migration -- <name>`: writes the next migration from the change to prisma/schema.prisma.
// It diffs the schema as it stood at the last migration (kept beside it as schema.prisma) against the current
// one, not the live database (the WASM engine cannot describe one through the adapter).
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseUrl, readMigrations } from "./db/migrations-on-disk";
import { LOCKFILE, MIGRATIONS_DIR, noFilters, openSchemaEngine, SCHEMA_PATH } from "./db/schema-engine";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}
const root = process.cwd();
const current = await readFile(SCHEMA_PATH, "utf8");
const { migrationDirectories, baseDir } = await readMigrations(root);
const last = migrationDirectories.at(-1);
const previousSchemaFile = last ? path.join(baseDir, last.path, "schema.prisma") : undefined;
if (previousSchemaFile && !existsSync(previousSchemaFile)) {
  console.error(`${previousSchemaFile} is missing: each migration keeps the schema it was made from.`);
  process.exit(1);
}

// The engine connects to a database when it starts, though a datamodel-to-datamodel diff reads nothing from it.
const engine = await openSchemaEngine(databaseUrl(), current);
try {
  const from = previousSchemaFile
    ? {
        tag: "schemaDatamodel" as const,
        files: [{ path: SCHEMA_PATH, content: await readFile(previousSchemaFile, "utf8") }],
      }
    : { tag: "empty" as const };
  const { stdout } = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: current }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const sql = stdout ?? "";
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("  the schema has not changed since the last migration: nothing to write");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(SCHEMA_PATH, path.join(dir, "schema.prisma"));
    await writeFile(path.join(root, MIGRATIONS_DIR, "migration_lock.toml"), LOCKFILE);
    console.log(`  wrote ${path.relative(root, dir)}/migration.sql`);
  }
} finally {
  engine.free();
}
// The adapter's connection pool would hold the process open until its idle timeout.
process.exit(process.exitCode ?? 0);

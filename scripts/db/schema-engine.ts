// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the pg driver
// adapter: `prisma migrate`'s two everyday verbs without the native engine that Prisma's CLI downloads at run time.
import { readFile } from "node:fs/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SCHEMA_PATH = "prisma/schema.prisma";
export const MIGRATIONS_DIR = "prisma/migrations";
export const LOCKFILE = 'provider = "postgresql"\n';
export const noFilters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

// Node 20 cannot import a .wasm file as a module: instantiate it by hand and hand it to the JS glue.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const glue = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(new URL("./schema_engine_bg.wasm", glue));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export async function openSchemaEngine(connectionString: string, datamodel: string) {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const log = (line: string) => {
    if (process.env.RHEI_DEBUG_SCHEMA_ENGINE) console.error(line);
  };
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, log, adapter);
}

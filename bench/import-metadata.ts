// Benchmark: importing (and re-importing, updating, exporting) 10,000 datastreams into one system.
//   RHEI_PROFILE=test bash scripts/with-env.sh node --import tsx --import ./scripts/runtime/register-hooks.mjs \
//     bench/import-metadata.ts [datastreams=10000]
// Needs the test profile's services up (bash scripts/services.sh up test) and migrated. Writes
// bench/results/import-metadata.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { db } from "@/lib/db/client";
import { applyImport } from "@/lib/metadata-io/apply-import";
import { exportMetadata } from "@/lib/metadata-io/export-metadata";
import { parseMetadata } from "@/lib/metadata-io/parse-metadata";
import { planImport } from "@/lib/metadata-io/plan-import";
import { largeRheiDocument } from "@/test/metadata-documents";
import { seedSystem } from "@/test/seed";

const total = Number(process.argv[2] ?? 10_000);
const rows: { step: string; ms: number; note: string }[] = [];

async function step<T>(name: string, run: () => Promise<T> | T, note: (result: T) => string = () => "") {
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  rows.push({ step: name, ms, note: note(result) });
  console.log(`${name.padEnd(46)} ${String(ms).padStart(7)} ms  ${note(result)}`);
  return result;
}

const seeded = await seedSystem();
const { admin, system } = seeded;
const document = largeRheiDocument({ datastreams: total, perThing: 50 });
const yaml = YAML.stringify(document, { aliasDuplicateObjects: false });
console.log(`${total} datastreams, ${document.things.length} things; YAML ${(yaml.length / 1e6).toFixed(1)} MB\n`);

await step(
  "parse + check YAML (no database)",
  () => parseMetadata(yaml),
  (p) => `${p.errors.length} errors`,
);
await step(
  "plan into an empty system",
  () => planImport({ actor: admin.actor, systemId: system.id, source: yaml }),
  (p) => `create ${p.summary.datastream.create}`,
);
await step(
  "apply into an empty system",
  () => applyImport({ actor: admin.actor, systemId: system.id, source: yaml }),
  (p) => `create ${p.summary.datastream.create}`,
);
const count = () => db.datastream.count({ where: { systemId: system.id } });
await step(
  "apply the same file again",
  () => applyImport({ actor: admin.actor, systemId: system.id, source: yaml }),
  (p) => `unchanged ${p.summary.datastream.unchanged}`,
);
for (const d of document.datastreams) d.description = `${d.description} (edited)`;
const edited = YAML.stringify(document, { aliasDuplicateObjects: false });
await step(
  "apply with every description changed",
  () => applyImport({ actor: admin.actor, systemId: system.id, source: edited }),
  (p) => `update ${p.summary.datastream.update}`,
);
const exported = await step(
  "export Rhei YAML",
  () => exportMetadata({ actor: admin.actor, systemId: system.id, format: "rhei-yaml" }),
  (e) => `${(e.content.length / 1e6).toFixed(1)} MB`,
);
await step(
  "export reference instances.json",
  () => exportMetadata({ actor: admin.actor, systemId: system.id, format: "reference" }),
  (e) => `${(e.content.length / 1e6).toFixed(1)} MB`,
);
const empty = await seedSystem(seeded);
await step(
  "apply the export into an empty system",
  () => applyImport({ actor: admin.actor, systemId: empty.system.id, source: exported.content }),
  (p) => `create ${p.summary.datastream.create}`,
);

const datastreams = await count();
const versions = await db.datastreamSchemaVersion.count({ where: { datastream: { systemId: system.id } } });
console.log(`\n${datastreams} datastreams and ${versions} schema versions in the system (expected ${total} each)`);
if (datastreams !== total || versions !== total) process.exitCode = 1;

const out = path.join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "import-metadata.json"),
  `${JSON.stringify({ at: new Date().toISOString(), datastreams: total, rows }, null, 2)}\n`,
);
process.exit();

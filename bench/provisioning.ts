// Benchmark: provisioning 100 systems (300 topics) and 200 clients from scratch, then again with nothing changed.
//   RHEI_PROFILE=test bash scripts/with-env.sh node --import tsx --import ./scripts/runtime/register-hooks.mjs \
//     bench/provisioning.ts [systems=100] [clientsPerSystem=2] [--keep]
// Needs the test profile's services up (bash scripts/services.sh up test) and migrated. Prints one line per pass
// (time, admin requests read/written, SCRAM calls included), progress on stderr, and writes
// bench/results/provisioning.json. Removes what it created at the end (a third, measured pass) unless --keep.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deleteClient } from "@/lib/clients/delete-client";
import { registerClient } from "@/lib/clients/register-client";
import { db } from "@/lib/db/client";
import { type ReconcileSummary, reconcileOnce } from "@/lib/provisioning/reconcile-once";
import { createSystem } from "@/lib/systems/create-system";
import { deleteSystem } from "@/lib/systems/delete-system";
import { seedCompany } from "@/test/seed";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const systems = Number(args[0] ?? 100);
const clientsPerSystem = Number(args[1] ?? 2);
const keep = process.argv.includes("--keep");

function progress(line: string) {
  process.stderr.write(`\r\x1b[2K${line}`);
}

const { company, admin } = await seedCompany();
const systemIds: string[] = [];
const clientIds: string[] = [];
const seedStarted = performance.now();
for (let i = 0; i < systems; i++) {
  const system = await createSystem({
    actor: admin.actor,
    companyId: company.id,
    input: { workcenter: "bench", station: `s${String(i).padStart(3, "0")}`, partitions: 3 },
  });
  systemIds.push(system.id);
  for (let c = 0; c < clientsPerSystem; c++) {
    const { client } = await registerClient({ actor: admin.actor, systemId: system.id, input: { name: `c${c}` } });
    clientIds.push(client.id);
  }
  progress(`seeding: ${i + 1}/${systems} systems, ${clientIds.length} clients`);
}
progress("");
console.log(
  `${systems} systems (${systems * 3} topics), ${clientIds.length} clients seeded in PostgreSQL in ` +
    `${Math.round(performance.now() - seedStarted)} ms; Kafka untouched so far\n`,
);

const rows: (ReconcileSummary & { pass: string })[] = [];
async function pass(name: string) {
  progress(`${name}: reconciling…`);
  const summary = await reconcileOnce({ companyIds: [company.id] });
  progress("");
  rows.push({ pass: name, ...summary });
  console.log(
    `${name.padEnd(24)} ${String(summary.durationMs).padStart(7)} ms  ` +
      `${String(summary.requests.reads).padStart(4)} reads ${String(summary.requests.writes).padStart(4)} writes  ` +
      `${summary.resources} resources; ${summary.actions} changes ${JSON.stringify(summary.changes ?? {})}, ${summary.failed} failed`,
  );
  if (!summary.ran) throw new Error("another reconciler holds the lock: stop the console using these services");
  if (summary.failed > 0)
    throw new Error(`${name}: ${summary.failed} changes failed (${summary.error ?? "see the log"})`);
  return summary;
}

await pass("from scratch");
const second = await pass("nothing changed");
await pass("nothing changed, again");
if (second.requests.writes !== 0) {
  console.error(`FAIL: the second pass wrote ${second.requests.writes} requests; it must write none`);
  process.exitCode = 1;
}

if (!keep) {
  progress("removing what the benchmark created…");
  for (const id of clientIds) await deleteClient({ actor: admin.actor, clientId: id });
  for (const id of systemIds) await deleteSystem({ actor: admin.actor, systemId: id });
  await pass("teardown (all deleted)");
}

const out = path.join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, "provisioning.json"),
  JSON.stringify({ at: new Date().toISOString(), systems, clients: clientIds.length, passes: rows }, null, 2),
);
await db.$disconnect();
process.exit();

// Benchmark: list pages and search over 10,000 datastreams in 100 systems, each timed against a plain SELECT of the
// same page through `pg`, to show what the domain operations (authorization, counts, relations, Prisma) cost.
//
//   RHEI_PROFILE=test bash scripts/with-env.sh node --import tsx --import ./scripts/runtime/register-hooks.mjs \
//     bench/metadata-lists.ts [--reps 300]
//
// Seeds once into the test profile's database (a company `bench.metadata-lists`; later runs reuse it), writes the
// figures to bench/results/metadata-lists.json, and prints a table. Progress goes to stderr.
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Actor } from "../lib/authz/actor";
import { createCompany } from "../lib/companies/create-company";
import { db } from "../lib/db/client";
import { searchEverything } from "../lib/search/search-everything";
import { listSystems } from "../lib/systems/list-systems";
import { signUp } from "../lib/users/sign-up";

const { values: args } = parseArgs({ options: { reps: { type: "string", default: "300" } } });
const REPS = Number(args.reps);
const WARMUP = Math.min(30, REPS);
const SYSTEMS = 100;
const THINGS_PER_SYSTEM = 10;
const DATASTREAMS_PER_THING = 10;
const QUANTITIES = [
  "Air Temperature",
  "Relative Humidity",
  "Pressure",
  "Speed",
  "Acceleration",
  "Latitude",
  "Longitude",
  "Attitude",
  "Vibration",
  "Power",
];

if (process.env.RHEI_PROFILE !== "test") throw new Error("Run the benchmark against the test profile only");
const progress = (line: string) => process.stderr.write(`\r\x1b[2K${line}`);

async function seed(): Promise<{ actor: Actor; companyId: string }> {
  const email = "bench-metadata@example.test";
  const user =
    (await db.user.findUnique({ where: { email } })) ??
    (await signUp({ name: "Bench", email, password: "bench password 1" }));
  const actor: Actor = { type: "user", userId: user.id, label: user.email };
  const company =
    (await db.company.findUnique({
      where: { domain_enterprise: { domain: "bench", enterprise: "metadata-lists" } },
    })) ?? (await createCompany({ actor, input: { domain: "bench", enterprise: "metadata-lists" } }));
  const have = await db.datastream.count({ where: { system: { companyId: company.id } } });
  const want = SYSTEMS * THINGS_PER_SYSTEM * DATASTREAMS_PER_THING;
  if (have >= want) return { actor, companyId: company.id };

  // A bench fixture, so createMany straight into the tables rather than 10,000 audited domain calls.
  progress("seeding systems…");
  const pad = (n: number) => String(n).padStart(2, "0");
  await db.system.createMany({
    data: Array.from({ length: SYSTEMS }, (_, i) => ({
      companyId: company.id,
      workcenter: `Line${pad(Math.floor(i / 10))}`,
      station: `Station${pad(i)}`,
      name: `bench.metadata-lists.Line${pad(Math.floor(i / 10))}.Station${pad(i)}`,
      description: i % 2 ? "Assembly cell" : "Test bench",
    })),
    skipDuplicates: true,
  });
  const systems = await db.system.findMany({ where: { companyId: company.id }, orderBy: { name: "asc" } });
  await db.client.createMany({
    data: systems.flatMap((s) =>
      ["plc", "gateway"].map((n) => ({ systemId: s.id, name: n, principal: `${s.name}.${n}`, secretHash: "x" })),
    ),
    skipDuplicates: true,
  });
  progress("seeding things…");
  await db.thing.createMany({
    data: systems.flatMap((s) =>
      Array.from({ length: THINGS_PER_SYSTEM }, (_, t) => ({ systemId: s.id, name: `Machine${pad(t)}` })),
    ),
    skipDuplicates: true,
  });
  const things = await db.thing.findMany({
    where: { system: { companyId: company.id } },
    include: { system: { select: { name: true } } },
  });
  const rows = things.flatMap((t) =>
    QUANTITIES.slice(0, DATASTREAMS_PER_THING).map((q, k) => ({
      systemId: t.systemId,
      thingId: t.id,
      name: q,
      fullName: `${t.system.name}.${t.name}.${q}`,
      observationType: "Measurement" as const,
      unitSymbol: ["degC", "%", "hPa", "km/h", "m/s2", "deg", "deg", "m", "mm/s", "kW"][k] ?? "",
    })),
  );
  for (let i = 0; i < rows.length; i += 2000) {
    await db.datastream.createMany({ data: rows.slice(i, i + 2000), skipDuplicates: true });
    progress(`seeding datastreams ${Math.min(i + 2000, rows.length)}/${rows.length}`);
  }
  await db.$executeRaw`ANALYZE`;
  return { actor, companyId: company.id };
}

interface Timing {
  median: number;
  p95: number;
}

async function time(label: string, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
    if (i % 20 === 0) progress(`${label}: ${i}/${REPS}`);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const { actor, companyId } = await seed();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const sql = async (text: string, values: unknown[]) => (await pool.query(text, values)).rows;
const someSystem = await db.system.findFirstOrThrow({ where: { companyId }, orderBy: { name: "asc" }, skip: 42 });

// The datastream list page's query shape (as lib/datastreams/list-datastreams.ts on the metadata branch builds it).
function datastreamPage(q: string | undefined, page: number) {
  const where = {
    systemId: someSystem.id,
    ...(q
      ? {
          OR: [
            { fullName: { contains: q, mode: "insensitive" as const } },
            { description: { contains: q, mode: "insensitive" as const } },
            { unitName: { contains: q, mode: "insensitive" as const } },
            { unitSymbol: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  return Promise.all([
    db.datastream.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * 25,
      take: 25,
      include: {
        system: { select: { id: true, name: true, companyId: true } },
        thing: { select: { id: true, name: true } },
        sensor: { select: { id: true, name: true } },
        observedProperty: { select: { id: true, name: true } },
      },
    }),
    db.datastream.count({ where }),
  ]);
}

const cases: { name: string; op: () => Promise<unknown>; plain: () => Promise<unknown> }[] = [
  {
    name: "listSystems page 1 (25 of 100)",
    op: () => listSystems({ actor, companyId, query: { pageSize: 25 } }),
    plain: () => sql(`SELECT * FROM "System" WHERE "companyId" = $1 ORDER BY name, id LIMIT 25`, [companyId]),
  },
  {
    name: "listSystems page 2, filter 'line0'",
    op: () => listSystems({ actor, companyId, query: { pageSize: 25, page: 2, q: "line0" } }),
    plain: () =>
      sql(
        `SELECT * FROM "System" WHERE "companyId" = $1 AND (name ILIKE $2 OR description ILIKE $2)
         ORDER BY name, id LIMIT 25 OFFSET 25`,
        [companyId, "%line0%"],
      ),
  },
  {
    name: "datastream list page 1 (25 of 100)",
    op: () => datastreamPage(undefined, 1),
    plain: () => sql(`SELECT * FROM "Datastream" WHERE "systemId" = $1 ORDER BY name, id LIMIT 25`, [someSystem.id]),
  },
  {
    name: "datastream list page 2, filter 'machine0'",
    op: () => datastreamPage("machine0", 2),
    plain: () =>
      sql(
        `SELECT * FROM "Datastream" WHERE "systemId" = $1 AND ("fullName" ILIKE $2 OR description ILIKE $2
         OR "unitName" ILIKE $2 OR "unitSymbol" ILIKE $2) ORDER BY name, id LIMIT 25 OFFSET 25`,
        [someSystem.id, "%machine0%"],
      ),
  },
];

// Search's plain counterpart: one statement returning as many rows per kind, by substring, with no tenant scope and
// no ranking (what a naive search would send).
const plainSearch = (q: string) =>
  sql(
    `(SELECT id, name FROM "System" WHERE name ILIKE $1 LIMIT 6)
     UNION ALL (SELECT id, name FROM "Client" WHERE name ILIKE $1 LIMIT 6)
     UNION ALL (SELECT id, name FROM "Thing" WHERE name ILIKE $1 LIMIT 6)
     UNION ALL (SELECT id, name FROM "Datastream" WHERE "fullName" ILIKE $1 LIMIT 6)`,
    [`%${q}%`],
  );
for (const q of ["air", "Station4", "machine07", "Relative Hum", "x", "nothing-matches"]) {
  cases.push({
    name: `searchEverything "${q}"`,
    op: () => searchEverything({ actor, query: { q } }),
    plain: () => plainSearch(q),
  });
}

const results: { name: string; op: Timing; plain: Timing; ratio: number }[] = [];
for (const c of cases) {
  const op = await time(c.name, c.op);
  const plain = await time(`${c.name} (plain)`, c.plain);
  results.push({ name: c.name, op, plain, ratio: op.median / plain.median });
}
progress("");
process.stderr.write("\r");

const f = (n: number) => n.toFixed(2).padStart(8);
console.log(
  `\n${(await db.datastream.count({ where: { system: { companyId } } })).toLocaleString("en")} datastreams in ` +
    `${await db.system.count({ where: { companyId } })} systems; ${REPS} repetitions each (after ${WARMUP} warm-up); ms\n`,
);
console.log(`${"operation".padEnd(42)}  median      p95 │ plain median      p95 │ ratio (median)`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(42)}${f(r.op.median)} ${f(r.op.p95)} │     ${f(r.plain.median)} ${f(r.plain.p95)} │ ${r.ratio.toFixed(1).padStart(6)}×`,
  );
}
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/metadata-lists.json",
  `${JSON.stringify({ at: new Date().toISOString(), reps: REPS, results }, null, 2)}\n`,
);
await pool.end();
process.exit(0);

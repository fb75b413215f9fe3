// Things and datastreams written straight into PostgreSQL, for tests and benchmarks of code that only reads them
// (search, lists): quicker than the domain operations and independent of them.
import { db } from "@/lib/db/client";

export async function seedThingRows(system: { id: string }, names: string[]) {
  await db.thing.createMany({ data: names.map((name) => ({ systemId: system.id, name })) });
  return db.thing.findMany({ where: { systemId: system.id, name: { in: names } }, orderBy: { name: "asc" } });
}

export async function seedDatastreamRows(
  system: { id: string; name: string },
  thing: { id: string; name: string },
  names: string[],
  unitSymbol = "degC",
) {
  await db.datastream.createMany({
    data: names.map((name) => ({
      systemId: system.id,
      thingId: thing.id,
      name,
      fullName: `${system.name}.${thing.name}.${name}`,
      observationType: "Measurement" as const,
      unitSymbol,
    })),
  });
  return db.datastream.findMany({ where: { thingId: thing.id, name: { in: names } }, orderBy: { name: "asc" } });
}

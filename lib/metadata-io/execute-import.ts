import "server-only";
import { type AuditEntry, recordAuditEvents } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { nullableJson } from "../datastreams/json-column";
import type { Tx } from "../db/client";
import type { ExistingMetadata, FieldChange, ImportPlan, PlanOperations } from "./diff-metadata";

// Rows per INSERT: well below PostgreSQL's 65,535 bind parameters at ~15 columns a row.
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const before = (changes: FieldChange[]) => Object.fromEntries(changes.map((c) => [c.field, c.from]));
const after = (changes: FieldChange[]) => Object.fromEntries(changes.map((c) => [c.field, c.to]));

/**
 * Carries out a plan inside the caller's transaction: bulk inserts for new entities (createManyAndReturn, in
 * chunks), one update per changed entity, a schema version for each new or retyped datastream, and one audit event
 * per created or updated entity (createMany) plus one for the import itself.
 */
export async function executeImport(
  tx: Tx,
  actor: Actor,
  system: { id: string; name: string; companyId: string },
  existing: ExistingMetadata,
  operations: PlanOperations,
  plan: ImportPlan,
): Promise<void> {
  const systemId = system.id;
  const audit: AuditEntry[] = [];
  const entry = (
    kind: string,
    action: "create" | "update",
    id: string,
    label: string,
    changes?: FieldChange[],
    row?: unknown,
  ): AuditEntry => ({
    companyId: system.companyId,
    action: `${kind}.${action}`,
    target: { type: kind, id, label },
    ...(action === "create" ? { after: row } : { before: before(changes ?? []), after: after(changes ?? []) }),
  });

  const thingIds = new Map([...existing.things.values()].map((t) => [t.name, t.id]));
  const newThings = operations.things.filter((o) => !o.id);
  for (const chunk of chunks(newThings)) {
    const rows = await tx.thing.createManyAndReturn({
      data: chunk.map(({ spec }) => ({ systemId, ...spec })),
      select: { id: true, name: true, description: true, properties: true },
    });
    for (const row of rows) {
      thingIds.set(row.name, row.id);
      audit.push(entry("thing", "create", row.id, `${system.name}.${row.name}`, undefined, row));
    }
  }
  for (const op of operations.things.filter((o) => o.id)) {
    const id = op.id as string;
    await tx.thing.update({
      where: { id },
      data: { description: op.spec.description, properties: op.spec.properties },
    });
    audit.push(entry("thing", "update", id, `${system.name}.${op.spec.name}`, op.changes));
  }

  const sensorIds = new Map([...existing.sensors.values()].map((s) => [s.name, s.id]));
  for (const chunk of chunks(operations.sensors.filter((o) => !o.id))) {
    const rows = await tx.sensor.createManyAndReturn({ data: chunk.map(({ spec }) => ({ systemId, ...spec })) });
    for (const row of rows) {
      sensorIds.set(row.name, row.id);
      audit.push(entry("sensor", "create", row.id, `${system.name}: ${row.name}`, undefined, row));
    }
  }
  for (const op of operations.sensors.filter((o) => o.id)) {
    const id = op.id as string;
    const { name: _name, ...data } = op.spec;
    await tx.sensor.update({ where: { id }, data });
    audit.push(entry("sensor", "update", id, `${system.name}: ${op.spec.name}`, op.changes));
  }

  const propertyIds = new Map([...existing.observedProperties.values()].map((p) => [p.name, p.id]));
  for (const chunk of chunks(operations.observedProperties.filter((o) => !o.id))) {
    const rows = await tx.observedProperty.createManyAndReturn({
      data: chunk.map(({ spec }) => ({ systemId, ...spec })),
    });
    for (const row of rows) {
      propertyIds.set(row.name, row.id);
      audit.push(entry("observedProperty", "create", row.id, `${system.name}: ${row.name}`, undefined, row));
    }
  }
  for (const op of operations.observedProperties.filter((o) => o.id)) {
    const id = op.id as string;
    const { name: _name, ...data } = op.spec;
    await tx.observedProperty.update({ where: { id }, data });
    audit.push(entry("observedProperty", "update", id, `${system.name}: ${op.spec.name}`, op.changes));
  }

  // Datastream columns from a spec, with names resolved to ids (the plan checked that each name exists).
  const columns = (spec: PlanOperations["datastreams"][number]["spec"]) => ({
    description: spec.description,
    sensorId: spec.sensor === null ? null : (sensorIds.get(spec.sensor) ?? null),
    observedPropertyId: spec.observedProperty === null ? null : (propertyIds.get(spec.observedProperty) ?? null),
    observationType: spec.observationType,
    unitName: spec.unit.name,
    unitSymbol: spec.unit.symbol,
    unitDefinition: spec.unit.definition,
    resultSchema: nullableJson(spec.resultSchema),
  });
  const versionRow = (datastreamId: string, version: number, c: ReturnType<typeof columns>) => ({
    datastreamId,
    version,
    observationType: c.observationType,
    unitName: c.unitName,
    unitSymbol: c.unitSymbol,
    unitDefinition: c.unitDefinition,
    resultSchema: c.resultSchema,
  });

  for (const chunk of chunks(operations.datastreams.filter((o) => !o.id))) {
    const data = chunk.map((op) => ({
      systemId,
      thingId: thingIds.get(op.spec.thing) as string,
      name: op.spec.name,
      fullName: op.fullName,
      schemaVersion: 1,
      ...columns(op.spec),
    }));
    const rows = await tx.datastream.createManyAndReturn({ data, select: { id: true, fullName: true } });
    // By full name, not by position: RETURNING does not promise the order of the VALUES.
    const sent = new Map(data.map((d, i) => [d.fullName, { columns: d, op: chunk[i] }]));
    const versionRows = rows.map((row) => {
      const match = sent.get(row.fullName);
      if (!match?.op) throw new Error(`Inserted datastream ${row.fullName} is not among those sent`);
      audit.push(entry("datastream", "create", row.id, row.fullName, undefined, { id: row.id, ...match.op.spec }));
      return versionRow(row.id, 1, match.columns);
    });
    await tx.datastreamSchemaVersion.createMany({ data: versionRows });
  }
  const versions: ReturnType<typeof versionRow>[] = [];
  for (const op of operations.datastreams.filter((o) => o.id)) {
    const id = op.id as string;
    const c = columns(op.spec);
    await tx.datastream.update({
      where: { id },
      data: { ...c, ...(op.newSchemaVersion !== undefined ? { schemaVersion: op.newSchemaVersion } : {}) },
    });
    if (op.newSchemaVersion !== undefined) versions.push(versionRow(id, op.newSchemaVersion, c));
    audit.push(entry("datastream", "update", id, op.fullName, op.changes));
  }
  for (const chunk of chunks(versions)) await tx.datastreamSchemaVersion.createMany({ data: chunk });

  audit.push({
    companyId: system.companyId,
    action: "metadata.import",
    target: { type: "system", id: systemId, label: system.name },
    after: { format: plan.format, summary: plan.summary, warnings: plan.warnings.length },
  });
  await recordAuditEvents(tx, actor, audit);
}

// A system with a registered client (its topics and restricted principal on the test broker, three partitions) and
// datastreams of several types, for history tests: records go in as the client's SDK produces them, each message
// stamped with its phenomenon time.

import kafkajs from "kafkajs";
import { registerClient } from "@/lib/clients/register-client";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import type { TraceDatastream } from "@/lib/history/trace-datastream";
import { createObservedProperty } from "@/lib/observed-properties/create-observed-property";
import { RheiClient } from "@/lib/sdk/rhei-client";
import { createSensor } from "@/lib/sensors/create-sensor";
import { createSystem } from "@/lib/systems/create-system";
import { createThing } from "@/lib/things/create-thing";
import { systemTopics } from "@/lib/topology/system-topics";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { seedCompany, uniq } from "@/test/seed";

type Kind = "Measurement" | "Count" | "Truth" | "Category";

const partitioner = kafkajs.Partitioners.DefaultPartitioner();

/** The partition the SDK's producer (kafkajs' default, murmur2 like Java's) puts a key on. */
function partitionOf(key: string, partitions: number): number {
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  }));
  return partitioner({ topic: "t", partitionMetadata, message: { key, value: null } });
}

export async function seedHistoryWorld(options: { kinds?: Kind[]; partitions?: number } = {}) {
  const kinds = options.kinds ?? ["Measurement", "Measurement", "Truth"];
  const partitions = options.partitions ?? 3;
  // The system says how many partitions its topics have: a console's reconciler may create them before this does.
  const { company, admin } = await seedCompany();
  const system = await createSystem({
    actor: admin.actor,
    companyId: company.id,
    input: { workcenter: uniq("wc"), station: uniq("st"), partitions, retentionDays: 3650 },
  });
  const { client, secret } = await registerClient({
    actor: admin.actor,
    systemId: system.id,
    input: { name: uniq("c") },
  });
  const seeded = { company, admin, system, client, secret };
  const actor = seeded.admin.actor;
  const systemId = seeded.system.id;
  const thing = await createThing({ actor, systemId, input: { name: uniq("thing") } });
  const sensor = await createSensor({ actor, systemId, input: { name: uniq("sensor") } });
  const property = await createObservedProperty({ actor, systemId, input: { name: uniq("property") } });
  const datastreams: TraceDatastream[] = [];
  for (const [i, kind] of kinds.entries()) {
    // Names whose keys land datastream i on partition i (mod partitions), so a test's trace spans partitions.
    let name = `ds${i}-${uniq("")}`;
    while (partitionOf(`${seeded.system.name}.${thing.name}.${name}`, partitions) !== i % partitions) {
      name = `ds${i}-${uniq("")}`;
    }
    const unit = kind === "Measurement" ? { name: "DegreeCelsius", symbol: "degC", definition: "" } : undefined;
    const d = await createDatastream({
      actor,
      systemId,
      input: {
        thingId: thing.id,
        sensorId: sensor.id,
        observedPropertyId: property.id,
        name,
        observationType: kind,
        ...(unit ? { unit } : {}),
      },
    });
    datastreams.push({
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      systemId,
      systemName: seeded.system.name,
      topic: systemTopics(seeded.system.name).int,
      observationType: kind,
      unit: { name: d.unitName, symbol: d.unitSymbol },
    });
  }
  const kafka: TestClientPrincipal = await seedClientPrincipal({
    system: seeded.system.name,
    client: seeded.client.name,
    secret: seeded.secret,
    partitions,
    // Kafka deletes by message timestamp, which is the phenomenon time: keep a test's past records (ten years).
    retentionMs: 10 * 365 * 86_400_000,
  });
  const producer = new RheiClient({
    bootstrapServers: kafka.bootstrapServers,
    system: seeded.system.name,
    client: seeded.client.name,
    secret: seeded.secret,
    datastreams: datastreams.map((d) => ({
      name: d.name,
      fullName: d.fullName,
      observationType: d.observationType,
      unit: { name: d.unit.name, symbol: d.unit.symbol, definition: "" },
    })),
    retries: 2,
    producer: { maxBatchRecords: 200 },
  });
  /** Produces one record per entry (datastream index, result, phenomenon time in epoch ms) and waits for Kafka. */
  const produce = async (entries: readonly { ds: number; v: unknown; t: number }[]) => {
    for (const e of entries) {
      const d = datastreams[e.ds] as TraceDatastream;
      await producer.produce(d.fullName, e.v, { phenomenonTime: new Date(e.t).toISOString() });
    }
    await producer.flush();
  };
  return {
    ...seeded,
    thing,
    datastreams,
    kafka,
    producer,
    produce,
    async cleanup() {
      await producer.close().catch(() => undefined);
      await kafka.cleanup();
    },
  };
}

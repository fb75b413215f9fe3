// Seeds for the stream-app tests: companies with systems whose datastreams are registered, records written to a
// system's .int as its clients would (canonical JSON, keyed by datastream), and the target's .ext read back.
import { setTimeout as sleep } from "node:timers/promises";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { consoleKafkaConfig } from "@/lib/kafka/console-connection";
import { KafkaProducer } from "@/lib/kafka/producer";
import { type RangeMessage, readRange } from "@/lib/kafka/read-range";
import { reconcileOnce } from "@/lib/provisioning/reconcile-once";
import { encodeRecord } from "@/lib/sdk/record-format";
import { createSystem } from "@/lib/systems/create-system";
import { createThing } from "@/lib/things/create-thing";
import { systemTopics } from "@/lib/topology/system-topics";
import { type SeededUser, seedCompany, seedMember, uniq } from "./seed";

export interface WorldSystem {
  id: string;
  name: string;
  /** Full names of its datastreams: `temperature` (Measurement), `status` (Category). */
  temperature: string;
  status: string;
  /** More Measurement datastreams (`Main.T0`, `Main.T1`, …), so records spread over partitions by key. */
  extra: string[];
}

export async function seedStreamSystem(
  admin: SeededUser,
  companyId: string,
  partitions = 2,
  extra = 0,
): Promise<WorldSystem> {
  const system = await createSystem({
    actor: admin.actor,
    companyId,
    input: { workcenter: uniq("wc"), station: uniq("st"), partitions },
  });
  const thing = await createThing({ actor: admin.actor, systemId: system.id, input: { name: "Main" } });
  const names = Array.from({ length: extra }, (_, i) => `T${i}`);
  for (const [name, observationType] of [
    ["Air Temperature", "Measurement"] as const,
    ["Status", "Category"] as const,
    ...names.map((n) => [n, "Measurement"] as const),
  ]) {
    await createDatastream({
      actor: admin.actor,
      systemId: system.id,
      input: { thingId: thing.id, name, observationType, unit: { name: "", symbol: "", definition: "" } },
    });
  }
  return {
    id: system.id,
    name: system.name,
    temperature: `${system.name}.Main.Air Temperature`,
    status: `${system.name}.Main.Status`,
    extra: names.map((n) => `${system.name}.Main.${n}`),
  };
}

/** A company with an admin, an engineer and `systems` systems. */
export async function seedStreamCompany(systems = 1, partitions = 2) {
  const { company, admin } = await seedCompany();
  const engineer = await seedMember(company.id, admin, "engineer");
  const list: WorldSystem[] = [];
  for (let i = 0; i < systems; i++) list.push(await seedStreamSystem(admin, company.id, partitions));
  return { company, admin, engineer, systems: list };
}

export interface Reading {
  name: string;
  result: number | string;
  /** Phenomenon time, epoch ms. */
  time: number;
}

/** Writes canonical records to the system's .int, keyed by datastream (as the SDK does). */
export async function writeReadings(system: { name: string }, readings: readonly Reading[]): Promise<void> {
  const producer = await KafkaProducer.connect(consoleKafkaConfig({ clientId: "rhei-test-writer" }));
  try {
    await producer.send(
      readings.map((r) => ({
        topic: systemTopics(system.name).int,
        key: r.name,
        value: encodeRecord({
          name: r.name,
          phenomenonTime: new Date(r.time).toISOString(),
          resultTime: new Date(r.time + 5).toISOString(),
          result: r.result,
        }),
      })),
    );
  } finally {
    await producer.disconnect();
  }
}

/** Everything committed in the system's .ext now. */
export async function readExt(system: { name: string }): Promise<RangeMessage[]> {
  const out: RangeMessage[] = [];
  for await (const batch of readRange(consoleKafkaConfig(), { topics: [systemTopics(system.name).ext], fromMs: 0 })) {
    out.push(...batch);
  }
  return out;
}

/** The .ext records' datastreams and results, in offset order per datastream. */
export function decoded(messages: readonly RangeMessage[]): { name: string; result: unknown; timestamp: number }[] {
  return messages.map((m) => {
    const body = JSON.parse(m.value?.toString() ?? "{}") as { datastream: { name: string }; result: unknown };
    return { name: body.datastream.name, result: body.result, timestamp: m.timestamp };
  });
}

/** Reconciles the companies until no resource is left in error or pending (bounded). */
export async function provision(companyIds: string[]): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const s = await reconcileOnce({ companyIds });
    if (s.errors === 0 && !s.followUp) return;
    await sleep(300);
  }
}

// A system with a registered client, its Kafka topics and principal, and one Measurement datastream, for tests of
// the live path: records go in as the client's SDK produces them.

import { RheiClient } from "@/lib/sdk/rhei-client";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { seedClient, seedDatastream } from "@/test/seed";

export async function seedLiveWorld() {
  const seeded = await seedClient();
  const { datastream, thing } = await seedDatastream(seeded);
  const kafka: TestClientPrincipal = await seedClientPrincipal({
    system: seeded.system.name,
    client: seeded.client.name,
    secret: seeded.secret,
    partitions: 2,
  });
  const producer = new RheiClient({
    bootstrapServers: kafka.bootstrapServers,
    system: seeded.system.name,
    client: seeded.client.name,
    secret: seeded.secret,
    datastreams: [
      {
        name: datastream.name,
        fullName: datastream.fullName,
        observationType: "Measurement",
        unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
      },
    ],
    retries: 2,
  });
  /** Produces results 0..n-1 (offset by `from`), one millisecond apart in phenomenon time, and waits for Kafka. */
  const produce = async (n: number, from = 0) => {
    const base = Date.now();
    for (let i = 0; i < n; i++) {
      await producer.produce(datastream.fullName, from + i, { phenomenonTime: new Date(base + i).toISOString() });
    }
    await producer.flush();
  };
  return {
    ...seeded,
    datastream,
    thing,
    kafka,
    producer,
    produce,
    async cleanup() {
      await producer.close().catch(() => undefined);
      await kafka.cleanup();
    },
  };
}

import "server-only";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { GroupConsumer } from "../kafka/consumer";
import { KafkaProducer, type ProducerMessage } from "../kafka/producer";
import { decodeValue } from "../sdk/record-format";
import { provenancePrefix, provenanceProblem } from "../sdk/record-pipeline";
import { systemTopics } from "../topology/system-topics";
import type { SimulatorLog } from "./simulators/run-resilient";

export interface DemoStream {
  name: string;
  from: string;
  to: string;
}

/**
 * Carries the demo's cross-system flows (lib/demo/demo-world.ts `demoStreams`) from `<from>.int` to `<to>.ext`,
 * unchanged and keyed as they came, as the reference demo's stream apps did. A stand-in for Rhei's stream apps
 * (with grants and filters) until they exist; it runs with the console's principal and only in `npm run demo`.
 * At least once: positions are committed after the forwarded batch is acknowledged.
 */
export async function runDemoRelay(
  streams: readonly DemoStream[],
  signal: AbortSignal,
  log: SimulatorLog,
): Promise<void> {
  const routes = new Map<string, string[]>();
  for (const s of streams) {
    const from = systemTopics(s.from).int;
    routes.set(from, [...(routes.get(from) ?? []), systemTopics(s.to).ext]);
  }
  const config = consoleKafkaConfig({ clientId: "rhei-demo-relay" });
  while (!signal.aborted) {
    let consumer: GroupConsumer | undefined;
    let producer: KafkaProducer | undefined;
    try {
      producer = await KafkaProducer.connect(config);
      consumer = await GroupConsumer.connect(config, {
        groupId: "rhei-demo-relay",
        topics: [...routes.keys()],
        fromBeginning: false,
      });
      const crashed = new Promise<never>((_, reject) => {
        void consumer?.run(
          async (batch, context) => {
            const targets = routes.get(batch.topic) ?? [];
            const out: ProducerMessage[] = [];
            const prefix = provenancePrefix(batch.topic);
            for (const m of batch.messages) {
              // Only records that are the source system's own data move on (the SDK's rule for .int).
              const decoded = decodeValue(m.value);
              const key = m.key?.toString("utf8");
              const problem =
                "refused" in decoded ? decoded.refused : provenanceProblem(batch.topic, prefix, decoded.name, key);
              if (problem || m.value === null) {
                log(`relay: not forwarding ${batch.topic}/${batch.partition}@${m.offset}: ${problem ?? "empty"}`);
                continue;
              }
              for (const topic of targets)
                out.push({ topic, key: m.key?.toString("utf8") ?? null, value: m.value.toString("utf8") });
            }
            await producer?.send(out);
            const last = batch.messages.at(-1);
            if (!last || !context.isActive()) return;
            context.markFetched(last.offset);
            await consumer?.commit([
              { topic: batch.topic, partition: batch.partition, offset: String(BigInt(last.offset) + 1n) },
            ]);
          },
          { onCrash: (error) => reject(error) },
        );
      });
      log(`relay: forwarding ${streams.map((s) => s.name).join(", ")}`);
      await Promise.race([
        crashed,
        new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true })),
      ]);
    } catch (error) {
      if (!signal.aborted) log(`relay: ${error instanceof Error ? error.message : String(error)} (retrying in 5 s)`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    } finally {
      await consumer?.disconnect().catch(() => undefined);
      await producer?.disconnect().catch(() => undefined);
    }
  }
}

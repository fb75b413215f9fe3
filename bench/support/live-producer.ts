// The live benchmark's producer, in a process of its own so that producing does not share an event loop with the
// clients that time arrivals: the SDK, as a client application, produces `rate` records/s for `seconds`, paced every
// 10 ms, results counting up from `from`. Config (JSON) in argv[2]; prints "done <n>" when Kafka has them all.
import { RheiClient, type RheiClientOptions } from "@/lib/sdk";

const config = JSON.parse(process.argv[2] ?? "{}") as {
  client: RheiClientOptions;
  datastream: string;
  rate: number;
  seconds: number;
  from: number;
};
const producer = new RheiClient(config.client);
const total = Math.round(config.rate * config.seconds);
const start = performance.now();
let produced = 0;
while (produced < total) {
  const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * config.rate));
  while (produced < due) {
    await producer.produce(config.datastream, config.from + produced);
    produced++;
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
}
await producer.flush();
await producer.close();
process.stdout.write(`done ${produced}\n`);
process.exit(0);

// Used by scripts/services.sh: waits until the console's admin principal can describe the cluster.
import { checkKafka } from "../lib/kafka/check-kafka";
import { consoleKafkaConfig } from "../lib/kafka/console-connection";

const timeoutS = Number(process.argv[2] ?? 60);
const deadline = Date.now() + timeoutS * 1000;
let last = "";
while (Date.now() < deadline) {
  const health = await checkKafka(consoleKafkaConfig(), 3000);
  if (health.up) process.exit(0);
  last = health.reason;
  await new Promise((r) => setTimeout(r, 1000));
}
console.error(`Kafka not ready after ${timeoutS}s: ${last}`);
process.exit(1);

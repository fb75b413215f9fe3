// `npm run demo` step: seeds the reference platform's demo world (lib/demo/seed-demo-world.ts), idempotently; the
// simulators' credentials go to .data/demo/clients/<principal>.json (mode 600, outside git).
import path from "node:path";
import { seedDemoWorld } from "../lib/demo/seed-demo-world";
import { env } from "../lib/env";
import { clientBootstrapServers } from "../lib/kafka/console-connection";

const dataDir = process.env.RHEI_DATA ?? path.join(process.cwd(), ".data/demo");
const { created } = await seedDemoWorld({
  credentialsDir: path.join(dataDir, "clients"),
  consoleUrl: new URL(env.NEXTAUTH_URL).origin,
  bootstrapServers: clientBootstrapServers(),
});
console.log(created.length ? `  seeded: ${created.join(", ")}` : "  demo world already seeded");
console.log("  users: <role>@<enterprise>.example (icecars, iceland, datahouse), password rhei-demo-<role>");
process.exit(0);

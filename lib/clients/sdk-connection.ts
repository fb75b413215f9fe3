import "server-only";
import { env } from "../env";
import { clientBootstrapServers } from "../kafka/console-connection";
import type { SdkConnection } from "./sdk-config";

/** The console's and Kafka's addresses as client applications are to use them. */
export function sdkConnection(): SdkConnection {
  return { console: new URL(env.NEXTAUTH_URL).origin, bootstrapServers: clientBootstrapServers() };
}

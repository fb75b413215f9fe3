import "server-only";
import { createHmac } from "node:crypto";
import { env } from "../env";

// A stream app's Kafka password is derived, never stored: HMAC-SHA-256 of the app's principal and credential
// version under RHEI_STREAM_APP_SECRET. The console's reconciler sets the SCRAM credential from it; every worker
// derives the same password to log in. So a worker on another machine needs only DATABASE_URL, the brokers and this
// secret; a copy of the database alone opens nothing; a credential deleted on the cluster is restored by the next
// reconciliation; and bumping the version (or the secret) replaces every credential at once.

export function appPasswordFrom(secret: string, principal: string, credentialVersion: number): string {
  return createHmac("sha256", secret).update(`rhei-stream-app\n${principal}\n${credentialVersion}`).digest("base64url");
}

/** The app's password with this process's secret; throws, saying what to set, when there is none. */
export function appPassword(principal: string, credentialVersion: number): string {
  const secret = env.RHEI_STREAM_APP_SECRET;
  if (!secret) {
    throw new Error("RHEI_STREAM_APP_SECRET is not set: the stream apps' Kafka passwords derive from it");
  }
  return appPasswordFrom(secret, principal, credentialVersion);
}

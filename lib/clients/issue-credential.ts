import "server-only";
import { scramMaterial } from "../kafka/scram-material";
import { generateClientSecret, hashClientSecret } from "./client-secret";
import { sealCredential } from "./credential-material";

/**
 * A new secret and what Rhei keeps of it: the hash (to check API calls) and the sealed SCRAM material (for the
 * reconciler). The clear secret goes to the caller once and is never stored.
 */
export async function issueCredential() {
  const secret = generateClientSecret();
  return {
    secret,
    secretHash: hashClientSecret(secret),
    pendingCredential: new Uint8Array(sealCredential(await scramMaterial(secret))),
  };
}

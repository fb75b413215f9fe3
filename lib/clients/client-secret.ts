import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// 256 random bits: a fast hash is enough (nothing to brute-force), and lets the API look a client up per request.
export function generateClientSecret(): string {
  return `rcs_${randomBytes(32).toString("base64url")}`;
}

export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function clientSecretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashClientSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

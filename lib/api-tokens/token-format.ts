import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Personal API tokens: `rhei_pat_` + 256 random bits. Like client secrets, only their SHA-256 is stored.
export const TOKEN_PREFIX = "rhei_pat_";

export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

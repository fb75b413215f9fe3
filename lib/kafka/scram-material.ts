import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";

const pbkdf2Async = promisify(pbkdf2);

/** What a broker stores for a SCRAM-SHA-512 user: never the password, only a salt and SCRAM's Hi() of it. */
export interface ScramMaterial {
  iterations: number;
  salt: Buffer;
  saltedPassword: Buffer;
}

export const SCRAM_ITERATIONS = 8192;

/** SCRAM's Hi(password, salt, i) = PBKDF2-HMAC-SHA-512 with a fresh 32-byte salt (RFC 5802, RFC 7677). */
export async function scramMaterial(password: string, iterations = SCRAM_ITERATIONS): Promise<ScramMaterial> {
  const salt = randomBytes(32);
  const saltedPassword = await pbkdf2Async(password, salt, iterations, 64, "sha512");
  return { iterations, salt, saltedPassword };
}

import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";
import type { ScramMaterial } from "../kafka/scram-material";

// A client's secret is shown once and stored only as a hash, yet the reconciler may have to set its SCRAM
// credential later (Kafka was down at registration). So the SCRAM material derived from the secret (salt and
// salted password, not the secret) is sealed with AES-256-GCM until the cluster holds it, then deleted.
const VERSION = 1;
const key = Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET, "rhei", "client-credential-material/v1", 32));

export function sealCredential(material: ScramMaterial): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const plain = Buffer.from(
    JSON.stringify({
      i: material.iterations,
      s: material.salt.toString("base64"),
      p: material.saltedPassword.toString("base64"),
    }),
  );
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), sealed]);
}

export function openCredential(sealed: Uint8Array): ScramMaterial {
  const buf = Buffer.from(sealed);
  if (buf[0] !== VERSION) throw new Error(`sealed credential of unknown version ${buf[0]}`);
  const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(1, 13));
  decipher.setAuthTag(buf.subarray(13, 29));
  const plain = Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]);
  const { i, s, p } = JSON.parse(plain.toString("utf8")) as { i: number; s: string; p: string };
  return { iterations: i, salt: Buffer.from(s, "base64"), saltedPassword: Buffer.from(p, "base64") };
}

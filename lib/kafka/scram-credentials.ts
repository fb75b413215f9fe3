import {
  alterUserScramCredentialsV0,
  Connection,
  describeUserScramCredentialsV0,
  SASLMechanisms,
  ScramMechanisms,
} from "@platformatic/kafka";
import { type KafkaConnectionConfig, parseBroker } from "./connection-config";
import { KafkaError, toKafkaError } from "./errors";
import type { ScramMaterial } from "./scram-material";

// kafkajs has no call for AlterUserScramCredentials (API key 51), so this module alone speaks it, through
// @platformatic/kafka's low-level request functions. The request carries only a salt and the salted password
// (see scram-material.ts), so a clear password never travels to the broker.
// Kafka error code 91: RESOURCE_NOT_FOUND, what deleting or describing a user that has no credential answers.
const RESOURCE_NOT_FOUND = 91;

async function withConnection<T>(config: KafkaConnectionConfig, work: (c: Connection) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const address of config.brokers) {
    const { host, port } = parseBroker(address);
    const connection = new Connection(config.clientId, {
      connectTimeout: config.connectionTimeoutMs ?? 5000,
      requestTimeout: config.requestTimeoutMs ?? 30000,
      tls: config.ssl ? {} : undefined,
      sasl: config.sasl
        ? {
            mechanism:
              config.sasl.mechanism === "plain"
                ? SASLMechanisms.PLAIN
                : config.sasl.mechanism === "scram-sha-256"
                  ? SASLMechanisms.SCRAM_SHA_256
                  : SASLMechanisms.SCRAM_SHA_512,
            username: config.sasl.username,
            password: config.sasl.password,
          }
        : undefined,
    });
    try {
      await connection.connect(host, port);
      return await work(connection);
    } catch (error) {
      if (error instanceof KafkaError) throw error;
      lastError = error;
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
  throw toKafkaError(lastError, "reaching a broker for SCRAM credentials");
}

// @platformatic/kafka rejects a whole response when any result carries an error code, but attaches the response:
// read it back, so that "no such user" can count as done while real errors still surface.
async function responseOf<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    const response = (error as { response?: T }).response;
    if (response !== undefined) return response;
    throw error;
  }
}

function check(results: { user: string; errorCode: number; errorMessage?: string | null }[], allow: number[] = []) {
  for (const r of results) {
    if (r.errorCode !== 0 && !allow.includes(r.errorCode)) {
      const kind = r.errorCode === 31 ? "authorization" : "other"; // 31: CLUSTER_AUTHORIZATION_FAILED
      throw new KafkaError(kind, `SCRAM credential of ${r.user}: ${r.errorMessage ?? `error code ${r.errorCode}`}`);
    }
  }
}

/** Creates or replaces the SCRAM-SHA-512 credential of `username`. */
export async function upsertScramCredential(
  config: KafkaConnectionConfig,
  username: string,
  material: ScramMaterial,
): Promise<void> {
  const { iterations, salt, saltedPassword } = material;
  await withConnection(config, async (c) => {
    const response = await responseOf(
      alterUserScramCredentialsV0.api.async(
        c,
        [],
        [{ name: username, mechanism: ScramMechanisms.SCRAM_SHA_512, iterations, salt, saltedPassword }],
      ),
    );
    check(response.results);
  }).catch((error) => {
    throw toKafkaError(error, `setting the SCRAM credential of ${username}`);
  });
}

/** Removes the SCRAM-SHA-512 credential of `username`; absent already counts as done. */
export async function deleteScramCredential(config: KafkaConnectionConfig, username: string): Promise<void> {
  await withConnection(config, async (c) => {
    const response = await responseOf(
      alterUserScramCredentialsV0.api.async(c, [{ name: username, mechanism: ScramMechanisms.SCRAM_SHA_512 }], []),
    );
    check(response.results, [RESOURCE_NOT_FOUND]);
  }).catch((error) => {
    throw toKafkaError(error, `deleting the SCRAM credential of ${username}`);
  });
}

/** The users among `usernames` that have a SCRAM-SHA-512 credential (all users with SCRAM when omitted). */
export async function listScramUsers(config: KafkaConnectionConfig, usernames?: string[]): Promise<string[]> {
  return withConnection(config, async (c) => {
    const response = await responseOf(
      describeUserScramCredentialsV0.api.async(
        c,
        (usernames ?? []).map((name) => ({ name })),
      ),
    );
    check(response.results, [RESOURCE_NOT_FOUND]);
    return response.results
      .filter((r) => r.errorCode === 0 && r.credentialInfos.some((i) => i.mechanism === ScramMechanisms.SCRAM_SHA_512))
      .map((r) => r.user);
  }).catch((error) => {
    throw toKafkaError(error, "listing SCRAM users");
  });
}

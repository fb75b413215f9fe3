import {
  alterUserScramCredentialsV0,
  Connection,
  describeUserScramCredentialsV0,
  ScramMechanisms,
} from "@platformatic/kafka";
import { type KafkaConnectionConfig, parseBroker } from "./connection-config";
import { KafkaError, toKafkaError } from "./errors";
import { platformaticConnectionOptions } from "./platformatic-client";
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
    const connection = new Connection(config.clientId, platformaticConnectionOptions(config));
    connection.on("error", () => undefined); // failures reach connect() and the requests (keepConnectionErrors)
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

export interface ScramChanges {
  upsert?: { username: string; material: ScramMaterial }[];
  delete?: string[];
}

/**
 * Sets and removes many SCRAM-SHA-512 credentials in one request. Returns, per user, null when done or the
 * broker's error (deleting a user without a credential counts as done); throws only if the request failed.
 */
export async function alterScramCredentials(
  config: KafkaConnectionConfig,
  changes: ScramChanges,
): Promise<Map<string, KafkaError | null>> {
  const upserts = changes.upsert ?? [];
  const deletions = changes.delete ?? [];
  const out = new Map<string, KafkaError | null>();
  if (upserts.length === 0 && deletions.length === 0) return out;
  return withConnection(config, async (c) => {
    const response = await responseOf(
      alterUserScramCredentialsV0.api.async(
        c,
        deletions.map((name) => ({ name, mechanism: ScramMechanisms.SCRAM_SHA_512 })),
        upserts.map(({ username, material }) => ({
          name: username,
          mechanism: ScramMechanisms.SCRAM_SHA_512,
          iterations: material.iterations,
          salt: material.salt,
          saltedPassword: material.saltedPassword,
        })),
      ),
    );
    for (const r of response.results) {
      const ok = r.errorCode === 0 || (r.errorCode === RESOURCE_NOT_FOUND && deletions.includes(r.user));
      out.set(
        r.user,
        ok
          ? null
          : new KafkaError(
              r.errorCode === 31 ? "authorization" : "other",
              `SCRAM credential of ${r.user}: ${r.errorMessage ?? `error code ${r.errorCode}`}`,
            ),
      );
    }
    return out;
  }).catch((error) => {
    throw toKafkaError(error, "changing SCRAM credentials");
  });
}

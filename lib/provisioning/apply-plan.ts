import "server-only";
import { openCredential } from "../clients/credential-material";
import { exactAclFilter } from "../kafka/acl-binding";
import { createAcls, deleteAcls } from "../kafka/acls";
import type { KafkaAdmin } from "../kafka/admin";
import { KafkaError, kafkaErrorKind, toKafkaError } from "../kafka/errors";
import { createPartitions } from "../kafka/partitions";
import { alterScramCredentials } from "../kafka/scram-credentials";
import { type ScramMaterial, scramMaterial } from "../kafka/scram-material";
import { alterTopicConfigs, type TopicConfigEntry } from "../kafka/topic-configs";
import { appPassword } from "../stream-apps/app-password";
import type { DesiredState } from "./load-desired-state";
import type { KafkaAction, ResourcePlan } from "./types";

export type ActionResults = Map<KafkaAction, KafkaError | null>;
type Of<K extends KafkaAction["kind"]> = Extract<KafkaAction, { kind: K }>;

/**
 * Sends one request per kind of change for all resources together; when a batch fails for a reason other
 * than the broker being away, its items are retried one by one, so each resource gets its own error.
 */
async function batch<A extends KafkaAction>(
  actions: A[],
  results: ActionResults,
  send: (items: A[]) => Promise<void>,
  harmless: (error: unknown) => boolean = () => false,
): Promise<void> {
  if (actions.length === 0) return;
  try {
    await send(actions);
    for (const a of actions) results.set(a, null);
    return;
  } catch (error) {
    if (kafkaErrorKind(error) === "unavailable" || actions.length === 1) {
      const e = harmless(error) ? null : toKafkaError(error, "provisioning");
      for (const a of actions) results.set(a, e);
      return;
    }
  }
  for (const a of actions) {
    try {
      await send([a]);
      results.set(a, null);
    } catch (error) {
      results.set(a, harmless(error) ? null : toKafkaError(error, "provisioning"));
    }
  }
}

export async function applyPlan(
  admin: KafkaAdmin,
  plans: ResourcePlan[],
  context: { topicConfigs: Map<string, TopicConfigEntry[]>; materials: DesiredState["materials"] },
): Promise<ActionResults> {
  const results: ActionResults = new Map();
  const all = plans.flatMap((p) => p.actions);
  const of = <K extends KafkaAction["kind"]>(kind: K) => all.filter((a): a is Of<K> => a.kind === kind);

  await batch(
    of("delete-topic"),
    results,
    (items) => admin.deleteTopics(items.map((a) => a.topic)),
    (e) => kafkaErrorKind(e) === "not-found",
  );
  await batch(
    of("create-topic"),
    results,
    async (items) => {
      await admin.createTopics(items.map((a) => ({ name: a.topic, ...a.settings })));
    },
    (e) => kafkaErrorKind(e) === "exists",
  );
  await batch(of("create-partitions"), results, (items) =>
    createPartitions(
      admin,
      items.map((a) => ({ topic: a.topic, count: a.count })),
    ),
  );
  await batch(of("alter-topic-configs"), results, (items) =>
    alterTopicConfigs(
      admin,
      items.map((a) => ({ topic: a.topic, set: a.set })),
      context.topicConfigs,
    ),
  );
  await batch(of("delete-acls"), results, async (items) => {
    await deleteAcls(
      admin,
      items.flatMap((a) => a.bindings.map(exactAclFilter)),
    );
  });
  await batch(of("create-acls"), results, (items) =>
    createAcls(
      admin,
      items.flatMap((a) => a.bindings),
    ),
  );
  await applyScram(
    admin,
    of("set-credential"),
    of("set-app-credential"),
    of("delete-credential"),
    context.materials,
    results,
  );
  return results;
}

async function applyScram(
  admin: KafkaAdmin,
  sets: Of<"set-credential">[],
  appSets: Of<"set-app-credential">[],
  deletions: Of<"delete-credential">[],
  materials: DesiredState["materials"],
  results: ActionResults,
): Promise<void> {
  const upserts: { username: string; material: ScramMaterial }[] = [];
  for (const a of sets) {
    const sealed = materials.get(a.clientId);
    try {
      if (!sealed || sealed.secretVersion !== a.secretVersion) throw new Error("the sealed credential is gone");
      upserts.push({ username: a.username, material: openCredential(sealed.sealed) });
    } catch (error) {
      results.set(
        a,
        new KafkaError(
          "other",
          `cannot open the sealed SCRAM material of ${a.username} (${error instanceof Error ? error.message : error}): rotate the secret to re-issue it`,
        ),
      );
    }
  }
  for (const a of appSets) {
    try {
      upserts.push({
        username: a.username,
        material: await scramMaterial(appPassword(a.username, a.credentialVersion)),
      });
    } catch (error) {
      results.set(
        a,
        new KafkaError("other", `cannot derive the password of ${a.username}: ${(error as Error).message}`),
      );
    }
  }
  const pending = [...sets.filter((a) => !results.has(a)), ...appSets.filter((a) => !results.has(a)), ...deletions];
  if (pending.length === 0) return;
  try {
    admin.countRequest("writes");
    const perUser = await alterScramCredentials(admin.config, {
      upsert: upserts,
      delete: deletions.map((a) => a.username),
    });
    for (const a of pending) {
      const error = perUser.get(a.username);
      results.set(a, error === undefined ? new KafkaError("other", `no answer for ${a.username}`) : error);
    }
  } catch (error) {
    const e = toKafkaError(error, "changing SCRAM credentials");
    for (const a of pending) results.set(a, e);
  }
}

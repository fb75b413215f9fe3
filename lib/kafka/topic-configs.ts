// CommonJS names hidden from Node's ESM named imports (see acls.ts): taken from the default export.
import kafkajs from "kafkajs";
import type { KafkaAdmin } from "./admin";
import { KafkaError, toKafkaError } from "./errors";

const { ConfigResourceTypes, ConfigSource } = kafkajs;

/** Where a topic's config value comes from: set on the topic itself, inherited from the broker, or the default. */
export type TopicConfigSource = "topic" | "broker" | "default";

export interface TopicConfigEntry {
  name: string;
  /** Null when the broker hides a sensitive value. */
  value: string | null;
  source: TopicConfigSource;
  readOnly: boolean;
  sensitive: boolean;
}

export interface TopicConfigChange {
  topic: string;
  /** Configs to set on the topic. */
  set?: Record<string, string>;
  /** Topic-level configs to remove (the topic falls back to the broker's value). */
  remove?: string[];
}

function sourceOf(code: number): TopicConfigSource {
  if (code === ConfigSource.TOPIC_CONFIG) return "topic";
  if (code === ConfigSource.DEFAULT_CONFIG || code === ConfigSource.UNKNOWN) return "default";
  return "broker";
}

/** Every config of each topic with its effective value and source, in one round of requests. */
export async function describeTopicConfigs(
  admin: KafkaAdmin,
  topics: string[],
): Promise<Map<string, TopicConfigEntry[]>> {
  const out = new Map<string, TopicConfigEntry[]>();
  if (topics.length === 0) return out;
  try {
    const response = await admin.kafkajs.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    for (const r of response.resources) {
      if (r.errorCode !== 0) {
        throw new KafkaError(
          r.errorCode === 3 ? "not-found" : "other", // 3: UNKNOWN_TOPIC_OR_PARTITION
          `configs of ${r.resourceName}: ${r.errorMessage || `error code ${r.errorCode}`}`,
        );
      }
      out.set(
        r.resourceName,
        r.configEntries.map((e) => ({
          name: e.configName,
          value: e.configValue ?? null,
          source: sourceOf(e.configSource),
          readOnly: e.readOnly,
          sensitive: e.isSensitive,
        })),
      );
    }
    return out;
  } catch (error) {
    throw toKafkaError(error, `describing the configs of ${topics.join(", ")}`);
  }
}

/** The configs set on the topic itself (what kafkajs' alterConfigs would otherwise wipe). */
export function topicLevelConfigs(entries: TopicConfigEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    if (e.source !== "topic") continue;
    if (e.value === null) {
      throw new KafkaError("other", `the topic's ${e.name} is sensitive and cannot be read back to preserve it`);
    }
    out[e.name] = e.value;
  }
  return out;
}

/**
 * Changes topic configs, all topics in one request. kafkajs speaks only the old AlterConfigs, which *replaces*
 * a topic's whole set of topic-level configs: so each topic's current topic-level configs are read (from
 * `current`, or one describe request) and sent back merged with the change, and nothing set by hand is lost.
 * The read-merge-write is not atomic; a concurrent hand edit between the two requests can be overwritten.
 */
export async function alterTopicConfigs(
  admin: KafkaAdmin,
  changes: TopicConfigChange[],
  current?: Map<string, TopicConfigEntry[]>,
): Promise<void> {
  if (changes.length === 0) return;
  const missing = changes.map((c) => c.topic).filter((t) => !current?.has(t));
  const known = new Map(current ?? []);
  if (missing.length > 0) for (const [t, e] of await describeTopicConfigs(admin, missing)) known.set(t, e);
  const resources = changes.map((c) => {
    const merged = { ...topicLevelConfigs(known.get(c.topic) ?? []), ...(c.set ?? {}) };
    for (const name of c.remove ?? []) delete merged[name];
    return {
      type: ConfigResourceTypes.TOPIC,
      name: c.topic,
      configEntries: Object.entries(merged).map(([name, value]) => ({ name, value })),
    };
  });
  try {
    await admin.kafkajs.alterConfigs({ validateOnly: false, resources });
  } catch (error) {
    throw toKafkaError(error, `changing the configs of ${changes.map((c) => c.topic).join(", ")}`);
  }
}

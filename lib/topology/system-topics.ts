// The names Rhei gives things on a Kafka cluster, defined once: pure, so the SDK, provisioning, the workers, the
// demo and the UI all derive them the same way.

/** `<system>.int` (its clients' data), `<system>.ext` (pushed in by stream apps), `<system>.log` (client logs). */
export function systemTopics(systemName: string) {
  return { int: `${systemName}.int`, ext: `${systemName}.ext`, log: `${systemName}.log` } as const;
}

export type SystemTopicKind = keyof ReturnType<typeof systemTopics>;

/** The three topics of a system, in the order the UI lists them. */
export function systemTopicNames(systemName: string): string[] {
  const t = systemTopics(systemName);
  return [t.int, t.ext, t.log];
}

/** The topics that hold a system's data (its records, not its logs): what a reader of its data reads. */
export function systemDataTopics(systemName: string): string[] {
  const t = systemTopics(systemName);
  return [t.int, t.ext];
}

/** Which system and kind a topic of Rhei's is, or undefined for any other topic. */
export function topicOwner(topic: string): { system: string; kind: SystemTopicKind } | undefined {
  const m = /^((?:[A-Za-z0-9-]+\.){3}[A-Za-z0-9-]+)\.(int|ext|log)$/.exec(topic);
  return m?.[1] && m[2] ? { system: m[1], kind: m[2] as SystemTopicKind } : undefined;
}

import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { db } from "../db/client";
import { conflict, invalid, notFound } from "../errors";
import type { KafkaAdmin } from "../kafka/admin";
import {
  consumerGroupLag,
  describeConsumerGroups,
  isStopped,
  type OffsetResetPosition,
  type OffsetResetTarget,
  previewOffsetReset,
  resetConsumerGroupOffsets,
} from "../kafka/consumer-groups";
import { parseInput } from "../validation";
import { companyKafkaScope } from "./company-kafka-scope";
import { withConsoleAdmin } from "./kafka-unavailable";
import { type OffsetResetInput, offsetResetSchema } from "./schemas";

async function prepare(actor: Actor, companyId: string, input: OffsetResetInput) {
  await authorize(actor, "cluster.manage", { companyId, what: "Company" });
  const data = parseInput(offsetResetSchema, input);
  const scope = await companyKafkaScope(companyId);
  if (!scope.ownsGroup(data.groupId)) throw notFound("Consumer group");
  const target: OffsetResetTarget =
    data.to === "time" && data.at ? { to: "time", at: data.at } : { to: data.to === "end" ? "end" : "start" };
  return { data, scope, target };
}

/** The company topics on which the group has committed positions: what a reset moves. */
async function topicsOf(admin: KafkaAdmin, groupId: string, topics: string[]) {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((t) => existing.has(t));
  const lag = await consumerGroupLag(admin, groupId, present);
  const used = [...new Set(lag.filter((l) => l.committed !== null).map((l) => l.topic))];
  if (used.length === 0) throw invalid(`${groupId} has no committed positions on this company's topics to move`);
  return used;
}

/** Where resetting the group would put it on each partition; changes nothing. */
export async function previewGroupOffsetReset({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: OffsetResetInput;
}): Promise<{ groupId: string; stopped: boolean; positions: OffsetResetPosition[] }> {
  const { data, scope, target } = await prepare(actor, companyId, input);
  return withConsoleAdmin(async (admin) => {
    const [group] = await describeConsumerGroups(admin, [data.groupId]);
    const topics = await topicsOf(
      admin,
      data.groupId,
      scope.topics.map((t) => t.name),
    );
    const positions = await previewOffsetReset(admin, { groupId: data.groupId, topics, target });
    return { groupId: data.groupId, stopped: group ? isStopped(group.state) : true, positions };
  });
}

/**
 * Moves a stopped consumer group of the company to the start, the end or a point in time of the topics it reads.
 * Refused while the group has members (they would overwrite the positions). Audited with the old and new positions.
 */
export async function resetGroupOffsets({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: OffsetResetInput;
}): Promise<{ groupId: string; positions: OffsetResetPosition[] }> {
  const { data, scope, target } = await prepare(actor, companyId, input);
  const positions = await withConsoleAdmin(async (admin) => {
    const [group] = await describeConsumerGroups(admin, [data.groupId]);
    if (group && !isStopped(group.state)) {
      throw conflict(
        `${data.groupId} is running (${group.members.length} member${group.members.length === 1 ? "" : "s"}): stop its consumers first, or they will overwrite the new positions`,
      );
    }
    const topics = await topicsOf(
      admin,
      data.groupId,
      scope.topics.map((t) => t.name),
    );
    return resetConsumerGroupOffsets(admin, { groupId: data.groupId, topics, target });
  });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      companyId,
      action: "cluster.group.reset-offsets",
      target: { type: "kafka-group", label: data.groupId },
      before: { positions: positions.map((p) => `${p.topic}:${p.partition}@${p.current ?? "none"}`) },
      after: {
        to: data.to,
        at: data.at?.toISOString(),
        positions: positions.map((p) => `${p.topic}:${p.partition}@${p.target}`),
      },
    }),
  );
  return { groupId: data.groupId, positions };
}

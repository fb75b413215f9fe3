import "server-only";
import { db } from "../db/client";
import { kafkaPrincipal } from "../topology/principals";
import { systemTopicNames } from "../topology/system-topics";

/** What of the cluster belongs to a company: its systems' topics, their consumer groups, its clients' principals. */
export interface CompanyKafkaScope {
  systems: { id: string; name: string }[];
  topics: { name: string; systemName: string; systemId: string }[];
  /** `User:<system>.<client>` of every client, active or revoked. */
  principals: Set<string>;
  ownsGroup(groupId: string): boolean;
  ownsTopic(topic: string): boolean;
}

export async function companyKafkaScope(companyId: string): Promise<CompanyKafkaScope> {
  const systems = await db.system.findMany({
    where: { companyId },
    select: { id: true, name: true, clients: { select: { principal: true } } },
    orderBy: { name: "asc" },
  });
  const topics = systems.flatMap((s) =>
    systemTopicNames(s.name).map((name) => ({ name, systemName: s.name, systemId: s.id })),
  );
  const topicNames = new Set(topics.map((t) => t.name));
  // Every group a company's client may use is `<system>.<client>`; stream apps will name theirs after their
  // system too. Names cannot collide across companies: a system's name starts with its company's.
  const prefixes = systems.map((s) => `${s.name}.`);
  return {
    systems: systems.map((s) => ({ id: s.id, name: s.name })),
    topics,
    principals: new Set(systems.flatMap((s) => s.clients.map((c) => kafkaPrincipal(c.principal)))),
    ownsGroup: (groupId) => prefixes.some((p) => groupId.startsWith(p)),
    ownsTopic: (topic) => topicNames.has(topic),
  };
}

import "server-only";
import { db } from "../db/client";
import type { KafkaAdmin, TopicPartitionOffsets } from "../kafka/admin";
import type { FetchedMessage } from "../kafka/consumer";
import { type ConsumerGroupDescription, consumerGroupLag, describeConsumerGroups } from "../kafka/consumer-groups";
import { createLogger } from "../log";
import { RollingCount } from "../rolling-count";
import { clientGroup, PRODUCER_HEADER } from "../topology/principals";
import { systemTopics, topicOwner } from "../topology/system-topics";

const log = createLogger("clients");

/** How often the clients' consumer groups are polled (their committed positions, state and lag). */
export const GROUP_POLL_MS = 30_000;

interface Produced {
  count: RollingCount;
  lastAt: number;
  dirty: boolean;
}

/**
 * Counts, per client application, the records it produced: those on its system's `.int` whose producer header
 * names it. A header naming a client of another system is not counted (a record's system is its topic's).
 */
export class ProductionCounter {
  private readonly byPrincipal = new Map<string, Produced>();
  private readonly clientIds = new Map<string, string | null>();

  count(topic: string, messages: readonly FetchedMessage[], now: number): void {
    const owner = topicOwner(topic);
    if (!owner) return;
    for (const m of messages) {
      const raw = m.headers?.[PRODUCER_HEADER];
      const principal = typeof raw === "string" ? raw : Buffer.isBuffer(raw) ? raw.toString("utf8") : undefined;
      if (!principal?.startsWith(`${owner.system}.`)) continue;
      let p = this.byPrincipal.get(principal);
      if (!p) {
        p = { count: new RollingCount(), lastAt: 0, dirty: false };
        this.byPrincipal.set(principal, p);
      }
      p.count.add(1, now);
      p.lastAt = Math.max(p.lastAt, Number(m.timestamp) || now);
      p.dirty = true;
    }
  }

  /** Writes what changed since the last flush to each client's activity. */
  async flush(now = Date.now()): Promise<void> {
    for (const [principal, p] of this.byPrincipal) {
      if (!p.dirty) continue;
      p.dirty = false;
      const clientId = await this.clientId(principal);
      if (!clientId) continue;
      const data = { lastProducedAt: new Date(p.lastAt), producedPerMinute: p.count.perMinute(now) };
      await db.clientActivity
        .upsert({ where: { clientId }, create: { clientId, ...data }, update: data })
        .catch((error: unknown) => log.debug("could not keep a client's activity", { error }));
    }
  }

  private async clientId(principal: string): Promise<string | null> {
    const cached = this.clientIds.get(principal);
    if (cached !== undefined) return cached;
    const c = await db.client.findUnique({ where: { principal }, select: { id: true } });
    this.clientIds.set(principal, c?.id ?? null);
    return c?.id ?? null;
  }
}

/** What a poll learns of a client's consumer group. */
interface GroupActivity {
  committed: bigint | null;
  lag: bigint | null;
  groupState: string;
  groupMembers: number;
  consumedPerMinute: number;
  polledAt?: Date;
  lastConsumedAt?: Date;
}

/**
 * Reads every active client's consumer group (committed positions on its system's `.int` and `.ext`, state,
 * members, lag) and keeps it with the client's activity: when its committed positions last moved is when it last
 * consumed, and how far they moved since the last poll its rate. Groups are described a hundred at a time; only
 * groups that exist have their offsets read (eight at a time), and a client's row is written only when something
 * changed. One pass at a time across console processes (a transaction-scoped advisory lock), and no client read
 * sooner than the poll interval after the last time. Returns how many clients' rows it wrote.
 */
export async function pollClientGroups(admin: KafkaAdmin, now = Date.now()): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(7368001) AS ok`;
      if (!lock?.ok) return 0;
      const clients = await tx.client.findMany({
        where: { status: "active" },
        select: { id: true, principal: true, system: { select: { name: true } }, activity: true },
      });
      const due = clients.filter(
        (c) => !c.activity?.polledAt || now - c.activity.polledAt.getTime() >= GROUP_POLL_MS * 0.8,
      );
      if (due.length === 0) return 0;
      const described = new Map<string, ConsumerGroupDescription>();
      for (let i = 0; i < due.length; i += 100) {
        const chunk = due.slice(i, i + 100).map((c) => clientGroup(c.principal));
        for (const g of await describeConsumerGroups(admin, chunk)) described.set(g.groupId, g);
      }
      const existing = new Set(await admin.listTopics());
      const offsets = new Map<string, Promise<TopicPartitionOffsets[]>>();
      const offsetsOf = (topic: string) => {
        let o = offsets.get(topic);
        if (!o) {
          o = admin.topicOffsets(topic);
          offsets.set(topic, o);
        }
        return o;
      };
      // Kafka is read eight clients at a time; the rows are written after, one by one (a transaction's connection
      // runs one query at a time).
      const writes: { clientId: string; data: GroupActivity }[] = [];
      const poll = async (c: (typeof due)[number]) => {
        const before = c.activity;
        const group = described.get(clientGroup(c.principal));
        if (!group || group.state === "dead") {
          // Never consumed (or its offsets expired): nothing to read, and nothing to write twice.
          if (before && before.groupState === "dead") return;
          writes.push({
            clientId: c.id,
            data: { groupState: "dead", groupMembers: 0, committed: null, lag: null, consumedPerMinute: 0 },
          });
          return;
        }
        const t = systemTopics(c.system.name);
        const topics = [t.int, t.ext].filter((name) => existing.has(name));
        const known = new Map<string, TopicPartitionOffsets[]>();
        for (const topic of topics) known.set(topic, await offsetsOf(topic));
        const lags = await consumerGroupLag(admin, clientGroup(c.principal), topics, known);
        const withCommit = lags.filter((l) => l.committed !== null);
        const committed = withCommit.length > 0 ? withCommit.reduce((n, l) => n + BigInt(l.committed ?? 0), 0n) : null;
        const lag = withCommit.length > 0 ? withCommit.reduce((n, l) => n + BigInt(l.lag ?? 0), 0n) : null;
        const moved = committed !== null && before?.committed != null && committed > before.committed;
        const minutes = before?.polledAt ? (now - before.polledAt.getTime()) / 60_000 : 0;
        const data: GroupActivity = {
          committed,
          lag,
          groupState: group.state,
          groupMembers: group.members.length,
          polledAt: new Date(now),
          consumedPerMinute:
            moved && minutes > 0 ? Math.round(Number(committed - (before?.committed ?? 0n)) / minutes) : 0,
          ...(moved ? { lastConsumedAt: new Date(now) } : {}),
        };
        writes.push({ clientId: c.id, data });
      };
      const queue = [...due];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) await poll(c);
        }),
      );
      for (const { clientId, data } of writes) {
        await tx.clientActivity.upsert({
          where: { clientId },
          create: { clientId, ...data },
          update: data,
        });
      }
      return writes.length;
    },
    { timeout: 60_000 },
  );
}

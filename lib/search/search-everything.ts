import "server-only";
import { type Actor, actorUserId } from "../authz/actor";
import { type Action, roleAllows } from "../authz/permissions";
import { db } from "../db/client";
import { escapeLike } from "../db/escape-like";
import { forbidden } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { companyName } from "../names";
import { parseInput } from "../validation";
import { byRank } from "./rank-match";
import { type SearchHit, type SearchKind, type SearchResult, searchQuerySchema } from "./schemas";

type Tier<T> = (take: number, exclude: string[]) => Promise<T[]>;

/**
 * Runs the tiers (best matches first) until `limit + 1` rows are found: a prefix match is never crowded out by
 * substring matches, and the extra row tells whether there are more. Each tier is one query with a LIMIT, served
 * by the names' trigram indexes (migration search_indexes).
 */
async function tiered<T extends { id: string }>(
  limit: number,
  tiers: (Tier<T> | false)[],
): Promise<{ rows: T[]; more: boolean }> {
  const rows: T[] = [];
  for (const tier of tiers) {
    if (!tier) continue;
    if (rows.length > limit) break;
    rows.push(
      ...(await tier(
        limit + 1 - rows.length,
        rows.map((r) => r.id),
      )),
    );
  }
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

const ci = (text: string, how: "startsWith" | "contains") =>
  ({ [how]: escapeLike(text), mode: "insensitive" }) as Prisma.StringFilter;
const orderBy = [{ name: "asc" as const }, { id: "asc" as const }];

/**
 * Search as you type over everything the user may see: their companies, and in them systems, clients (only where
 * their role may read clients), things and datastreams. Results come grouped by kind, best matches first, at most
 * `limit` a kind. Another company's objects are never read: every query is scoped to the user's memberships, whose
 * roles are checked against the same permission table authorize() uses.
 */
export async function searchEverything({ actor, query }: { actor: Actor; query: unknown }): Promise<SearchResult> {
  const userId = actorUserId(actor);
  if (!userId) throw forbidden("Search is for users; a client application cannot search");
  const { q, limit } = parseInput(searchQuerySchema, query);
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, company: { select: { id: true, domain: true, enterprise: true } } },
  });
  const companiesFor = (action: Action) =>
    memberships.filter((m) => roleAllows(m.role, action)).map((m) => m.company.id);
  const scope = (action: Action) => ({ system: { companyId: { in: companiesFor(action) } } });
  const notIn = (exclude: string[]) => (exclude.length > 0 ? { id: { notIn: exclude } } : {});
  // One or two characters match name starts only: "contains x" would list nearly everything, and trigram indexes
  // cannot serve it (a trigram needs three characters), so it would read every row.
  const substrings = q.length >= 3;

  const companies = memberships
    .filter((m) => roleAllows(m.role, "company.read"))
    .filter((m) => companyName(m.company).toLowerCase().includes(q.toLowerCase()))
    .sort(byRank(q, (m) => [m.company.enterprise, companyName(m.company)]));

  const systemSelect = { id: true, name: true, companyId: true, workcenter: true, station: true } as const;
  const systemTier =
    (where: Prisma.SystemWhereInput): Tier<Prisma.SystemGetPayload<{ select: typeof systemSelect }>> =>
    (take, exclude) =>
      db.system.findMany({
        where: { companyId: { in: companiesFor("system.read") }, ...notIn(exclude), ...where },
        select: systemSelect,
        orderBy,
        take,
      });
  // Relations are left out of these selects (Prisma would fetch each in a round trip of its own); the systems of
  // the hits are read once at the end.
  const clientSelect = { id: true, name: true, principal: true, status: true, systemId: true } as const;
  const clientTier =
    (where: Prisma.ClientWhereInput): Tier<Prisma.ClientGetPayload<{ select: typeof clientSelect }>> =>
    (take, exclude) =>
      db.client.findMany({
        where: { ...scope("client.read"), ...notIn(exclude), ...where },
        select: clientSelect,
        orderBy,
        take,
      });
  const thingSelect = { id: true, name: true, systemId: true } as const;
  const thingTier =
    (where: Prisma.ThingWhereInput): Tier<Prisma.ThingGetPayload<{ select: typeof thingSelect }>> =>
    (take, exclude) =>
      db.thing.findMany({
        where: { ...scope("metadata.read"), ...notIn(exclude), ...where },
        select: thingSelect,
        orderBy,
        take,
      });
  const datastreamSelect = { id: true, name: true, fullName: true, systemId: true, unitSymbol: true } as const;
  const datastreamTier =
    (where: Prisma.DatastreamWhereInput): Tier<Prisma.DatastreamGetPayload<{ select: typeof datastreamSelect }>> =>
    (take, exclude) =>
      db.datastream.findMany({
        where: { ...scope("metadata.read"), ...notIn(exclude), ...where },
        select: datastreamSelect,
        orderBy,
        take,
      });

  const [systems, clients, things, datastreams] = await Promise.all([
    tiered(limit, [
      // The full name or one of its levels starts with q.
      systemTier({ OR: [{ name: ci(q, "startsWith") }, { name: ci(`.${q}`, "contains") }] }),
      substrings && systemTier({ name: ci(q, "contains") }),
    ]),
    tiered(limit, [
      clientTier({ OR: [{ name: ci(q, "startsWith") }, { principal: ci(q, "startsWith") }] }),
      substrings && clientTier({ name: ci(q, "contains") }),
    ]),
    tiered(limit, [thingTier({ name: ci(q, "startsWith") }), substrings && thingTier({ name: ci(q, "contains") })]),
    tiered(limit, [
      datastreamTier({ OR: [{ name: ci(q, "startsWith") }, { fullName: ci(q, "startsWith") }] }),
      substrings && datastreamTier({ name: ci(q, "contains") }),
      // Typing part of the path (`Car1.Main`) finds the datastreams below it.
      substrings && datastreamTier({ fullName: ci(q, "contains") }),
    ]),
  ]);

  const systemIds = [...new Set([...clients.rows, ...things.rows, ...datastreams.rows].map((r) => r.systemId))];
  const systemsById = new Map(
    systemIds.length === 0
      ? []
      : (
          await db.system.findMany({
            where: { id: { in: systemIds } },
            select: { id: true, name: true, companyId: true },
          })
        ).map((s) => [s.id, s]),
  );
  const systemOf = (id: string) => systemsById.get(id) ?? { id, name: "", companyId: "" };
  // The thing's name sits between the system's name and the datastream's in the full name.
  const thingOf = (d: { fullName: string; name: string; systemId: string }) =>
    d.fullName.slice(systemOf(d.systemId).name.length + 1, d.fullName.length - d.name.length - 1);
  const base = (systemId: string) => `/companies/${systemOf(systemId).companyId}/systems/${systemId}`;

  const groups: [SearchKind, SearchHit[], boolean][] = [
    [
      "company",
      companies.slice(0, limit).map((m) => ({
        kind: "company",
        id: m.company.id,
        label: companyName(m.company),
        detail: `Your role: ${m.role}`,
        href: `/companies/${m.company.id}`,
      })),
      companies.length > limit,
    ],
    [
      "system",
      systems.rows.sort(byRank(q, (s) => [s.station, s.name])).map((s) => ({
        kind: "system",
        id: s.id,
        label: s.name,
        detail: `${s.workcenter} / ${s.station}`,
        href: `/companies/${s.companyId}/systems/${s.id}`,
      })),
      systems.more,
    ],
    [
      "client",
      clients.rows.sort(byRank(q, (c) => [c.name, c.principal])).map((c) => ({
        kind: "client",
        id: c.id,
        label: c.name,
        detail: `${systemOf(c.systemId).name}${c.status === "revoked" ? " · revoked" : ""}`,
        href: `${base(c.systemId)}/clients/${c.id}`,
      })),
      clients.more,
    ],
    [
      "thing",
      things.rows.sort(byRank(q, (t) => [t.name])).map((t) => ({
        kind: "thing",
        id: t.id,
        label: t.name,
        detail: systemOf(t.systemId).name,
        href: `${base(t.systemId)}/things/${t.id}`,
      })),
      things.more,
    ],
    [
      "datastream",
      datastreams.rows.sort(byRank(q, (d) => [d.name, d.fullName])).map((d) => ({
        kind: "datastream",
        id: d.id,
        label: d.name,
        // `thing · system · unit`: the thing first, as a long system name would hide it when truncated.
        detail: [thingOf(d), systemOf(d.systemId).name, d.unitSymbol].filter(Boolean).join(" · "),
        href: `${base(d.systemId)}/datastreams/${d.id}`,
      })),
      datastreams.more,
    ],
  ];
  return {
    q,
    groups: groups.filter(([, items]) => items.length > 0).map(([kind, items, more]) => ({ kind, items, more })),
  };
}

import { describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/search/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedCompany, seedMember, seedSystem, seedToken, seedUser, uniq } from "@/test/seed";
import { seedDatastreamRows, seedThingRows } from "@/test/seed-metadata-rows";
import { registerClient } from "../clients/register-client";
import type { SearchResult } from "./schemas";
import { searchEverything } from "./search-everything";

/** A company whose system, client, thing and datastreams are all named after `tag`. */
async function tenant(tag: string) {
  const seeded = await seedCompany();
  const { system } = await seedSystem(seeded);
  const { client, secret } = await seedClient({ ...seeded, system });
  await registerClient({ actor: seeded.admin.actor, systemId: system.id, input: { name: `${tag}-client` } });
  const [thing] = await seedThingRows(system, [`${tag}Thing`]);
  if (!thing) throw new Error("no thing");
  const datastreams = await seedDatastreamRows(system, thing, [`${tag} Air Temperature`, `${tag}Speed`, `x-${tag}`]);
  return { ...seeded, system, client, secret, thing, datastreams };
}

const ids = (result: SearchResult, kind?: string) =>
  result.groups.filter((g) => !kind || g.kind === kind).flatMap((g) => g.items.map((i) => i.id));
const kinds = (result: SearchResult) => result.groups.map((g) => g.kind);

describe("search as you type", () => {
  it("finds only the caller's own tenant's objects, even when another tenant's have the same names", async () => {
    const tag = uniq("zq");
    const a = await tenant(tag);
    const b = await tenant(tag);
    const result = await searchEverything({ actor: a.admin.actor, query: { q: tag, limit: "20" } });
    expect(kinds(result)).toEqual(["client", "thing", "datastream"]);
    expect(ids(result, "thing")).toEqual([a.thing.id]);
    expect(ids(result, "datastream").sort()).toEqual(a.datastreams.map((d) => d.id).sort());
    for (const group of result.groups) {
      for (const hit of group.items) expect(hit.href.startsWith(`/companies/${a.company.id}/`), hit.href).toBe(true);
    }
    const everythingOfB = [b.thing.id, b.client.id, b.system.id, b.company.id, ...b.datastreams.map((d) => d.id)];
    expect(ids(result).filter((id) => everythingOfB.includes(id))).toEqual([]);
    // By system and company name too, which differ per tenant.
    expect(ids(await searchEverything({ actor: a.admin.actor, query: { q: b.system.station } }))).toEqual([]);
    expect(ids(await searchEverything({ actor: a.admin.actor, query: { q: b.company.enterprise } }))).toEqual([]);
    const own = await searchEverything({ actor: b.admin.actor, query: { q: b.company.enterprise } });
    expect(ids(own, "company")).toEqual([b.company.id]);
    expect(ids(own, "system")).toEqual([b.system.id]);
    // Someone in no company finds nothing at all.
    const loner = await seedUser();
    expect((await searchEverything({ actor: loner.actor, query: { q: tag } })).groups).toEqual([]);
  });

  it("shows clients only to roles that may read them", async () => {
    const tag = uniq("zr");
    const a = await tenant(tag);
    for (const role of ["operator", "engineer", "auditor"] as const) {
      const member = await seedMember(a.company.id, a.admin, role);
      const result = await searchEverything({ actor: member.actor, query: { q: tag } });
      expect(kinds(result), role).toEqual(
        role === "operator" ? ["thing", "datastream"] : ["client", "thing", "datastream"],
      );
      expect(ids(await searchEverything({ actor: member.actor, query: { q: a.client.name } })), role).toEqual(
        role === "operator" ? [] : [a.client.id],
      );
    }
  });

  it("links each hit to its page and describes where it is", async () => {
    const tag = uniq("zs");
    const a = await tenant(tag);
    const c = a.company.id;
    const s = a.system.id;
    const bySystem = await searchEverything({ actor: a.admin.actor, query: { q: a.system.station } });
    // Its datastreams match too (the station is part of their full names), after the system.
    expect(kinds(bySystem)).toEqual(["system", "datastream"]);
    expect(bySystem.groups.slice(0, 1)).toEqual([
      {
        kind: "system",
        more: false,
        items: [
          {
            kind: "system",
            id: s,
            label: a.system.name,
            detail: `${a.system.workcenter} / ${a.system.station}`,
            href: `/companies/${c}/systems/${s}`,
          },
        ],
      },
    ]);
    const all = await searchEverything({ actor: a.admin.actor, query: { q: tag } });
    const hit = (kind: string) => all.groups.find((g) => g.kind === kind)?.items[0];
    expect(hit("client")?.href).toMatch(new RegExp(`^/companies/${c}/systems/${s}/clients/[0-9a-f-]{36}$`));
    expect(hit("thing")).toMatchObject({
      href: `/companies/${c}/systems/${s}/things/${a.thing.id}`,
      detail: a.system.name,
    });
    expect(hit("datastream")?.href).toMatch(new RegExp(`^/companies/${c}/systems/${s}/datastreams/[0-9a-f-]{36}$`));
    expect(hit("datastream")?.detail).toBe(`${tag}Thing · ${a.system.name} · degC`);
    const company = await searchEverything({ actor: a.admin.actor, query: { q: a.company.enterprise.slice(0, 6) } });
    expect(company.groups[0]?.items).toContainEqual({
      kind: "company",
      id: c,
      label: `${a.company.domain}.${a.company.enterprise}`,
      detail: "Your role: admin",
      href: `/companies/${c}`,
    });
  });

  it("ranks exact and prefix matches first, never crowded out by substrings, and limits each kind", async () => {
    const tag = uniq("zt");
    const { admin, system } = await seedSystem();
    const [thing] = await seedThingRows(system, ["Main"]);
    if (!thing) throw new Error("no thing");
    // Alphabetically, the substring matches ("a…") come before the prefix and exact ones.
    await seedDatastreamRows(system, thing, [
      ...Array.from({ length: 6 }, (_, i) => `a${i}-${tag}`),
      `${tag}-speed`,
      tag,
      `${tag} temperature`,
    ]);
    const result = await searchEverything({ actor: admin.actor, query: { q: tag.toUpperCase(), limit: "4" } });
    const group = result.groups.find((g) => g.kind === "datastream");
    expect(group?.items.map((i) => i.label)).toEqual([tag, `${tag}-speed`, `${tag} temperature`, `a0-${tag}`]);
    expect(group?.more).toBe(true);
    const exact = await searchEverything({ actor: admin.actor, query: { q: tag, limit: "1" } });
    expect(exact.groups.find((g) => g.kind === "datastream")?.items.map((i) => i.label)).toEqual([tag]);
    // One or two characters match name starts only.
    const short = async (q: string) =>
      (await searchEverything({ actor: admin.actor, query: { q } })).groups.flatMap((g) => g.items.map((i) => i.label));
    expect(await short("A0")).toEqual([`a0-${tag}`]);
    expect(await short("0-")).toEqual([]);
    // LIKE wildcards are literal.
    expect((await searchEverything({ actor: admin.actor, query: { q: "%" } })).groups).toEqual([]);
    expect((await searchEverything({ actor: admin.actor, query: { q: `a_-${tag}` } })).groups).toEqual([]);
  });

  it("answers GET /api/v1/search for tokens and sessions only, with a validated query", async () => {
    const tag = uniq("zu");
    const a = await tenant(tag);
    const token = await seedToken(a.admin);
    const ok = await callApi(searchRoute.GET, "GET", { token, query: { q: `${tag}sp` } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({
      q: `${tag}sp`,
      groups: [
        {
          kind: "datastream",
          more: false,
          items: [expect.objectContaining({ kind: "datastream", label: `${tag}Speed` })],
        },
      ],
    });
    const missing = await callApi(searchRoute.GET, "GET", { token });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.json.errors)).toEqual(["q"]);
    expect((await callApi(searchRoute.GET, "GET", { token, query: { q: "  " } })).status).toBe(422);
    expect((await callApi(searchRoute.GET, "GET", { token, query: { q: "x", kind: "thing" } })).status).toBe(422);
    expect((await callApi(searchRoute.GET, "GET", { token, query: { q: "x", limit: "50" } })).status).toBe(422);
    expect((await callApi(searchRoute.GET, "GET", { token: "rhei_pat_nope", query: { q: "x" } })).status).toBe(401);
    const asClient = await callApi(searchRoute.GET, "GET", {
      basic: { principal: a.client.principal, secret: a.secret },
      query: { q: tag },
    });
    expect(asClient.status).toBe(403);
  });
});

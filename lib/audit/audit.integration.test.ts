import { describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/companies/[companyId]/audit-events/route";
import * as csvRoute from "@/app/api/v1/companies/[companyId]/audit-events.csv/route";
import { callApi } from "@/test/call-api";
import { parseCsv } from "@/test/parse-csv";
import { seedClient, seedCompany, seedMember, seedSystem, seedToken, seedUser } from "@/test/seed";
import { db } from "../db/client";
import { updateSystem } from "../systems/update-system";
import { AUDIT_CSV_HEADER, exportAuditEventsCsv } from "./export-audit-events";
import { listAuditEvents } from "./list-audit-events";
import { listAuditFacets } from "./list-audit-facets";

/** A company with some history written by its admin through the domain operations. */
async function companyWithHistory() {
  const seeded = await seedCompany();
  const { company, admin } = seeded;
  const auditor = await seedMember(company.id, admin, "auditor");
  const { system } = await seedSystem(seeded);
  const { client } = await seedClient({ ...seeded, system });
  await updateSystem({ actor: admin.actor, systemId: system.id, input: { description: "Car one" } });
  return { company, admin, auditor, system, client };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Audit rows written directly, for times and labels the domain operations cannot produce. */
async function insertEvents(companyId: string, rows: { at: Date; actorLabel?: string; targetLabel?: string }[]) {
  await db.auditEvent.createMany({
    data: rows.map((r, i) => ({
      companyId,
      actorType: "system" as const,
      actorLabel: r.actorLabel ?? "rhei:test",
      action: "test.event",
      targetType: "thing",
      targetId: null,
      targetLabel: r.targetLabel ?? `thing-${i}`,
      after: { i },
      at: r.at,
    })),
  });
}

describe("the audit log", () => {
  it("lists a company's events newest first for admins and auditors, with filters", async () => {
    const { company, admin, auditor, system, client } = await companyWithHistory();
    const all = await listAuditEvents({ actor: auditor.actor, companyId: company.id, query: {} });
    expect(all.items.map((e) => e.action)).toEqual([
      "system.update",
      "client.register",
      "system.create",
      "member.join",
      "member.invite",
      "company.create",
    ]);
    expect(all.total).toBe(6);
    const asc = await listAuditEvents({ actor: admin.actor, companyId: company.id, query: { order: "asc" } });
    expect(asc.items[0]?.action).toBe("company.create");

    const list = (query: Record<string, string>) =>
      listAuditEvents({ actor: auditor.actor, companyId: company.id, query }).then((p) => p.items.map((e) => e.action));
    // The auditor's own event is joining (accepting the invitation); the rest are the admin's.
    expect(await list({ actor: admin.email.toUpperCase() })).toHaveLength(5);
    expect(await list({ actor: "nobody" })).toEqual([]);
    expect(await list({ action: "client.register" })).toEqual(["client.register"]);
    expect(await list({ action: "system." })).toEqual(["system.update", "system.create"]);
    expect(await list({ action: "system*" })).toEqual(["system.update", "system.create"]);
    expect(await list({ action: "system" })).toEqual([]);
    expect(await list({ targetType: "membership" })).toEqual(["member.join"]);
    expect(await list({ targetType: "invitation" })).toEqual(["member.invite"]);
    expect(await list({ target: system.id })).toEqual(["system.update", "system.create"]);
    expect(await list({ target: client.name.toUpperCase() })).toEqual(["client.register"]);
    // LIKE wildcards in a filter are literal characters.
    expect(await list({ actor: "_" })).toEqual([]);
    expect(await list({ target: "%" })).toEqual([]);

    const page = await listAuditEvents({
      actor: auditor.actor,
      companyId: company.id,
      query: { pageSize: "2", page: "3" },
    });
    expect(page).toMatchObject({ total: 6, pageCount: 3, page: 3 });
    expect(page.items.map((e) => e.action)).toEqual(["member.invite", "company.create"]);

    const facets = await listAuditFacets({ actor: auditor.actor, companyId: company.id });
    expect(facets.actions).toEqual([
      "client.register",
      "company.create",
      "member.invite",
      "member.join",
      "system.create",
      "system.update",
    ]);
    expect(facets.targetTypes).toEqual(["client", "company", "invitation", "membership", "system"]);
  });

  it("filters by time: from inclusive, to exclusive, a date meaning the whole UTC day", async () => {
    const { company, admin } = await seedCompany();
    await insertEvents(company.id, [
      { at: new Date("2020-03-01T23:59:59.999Z"), targetLabel: "feb-end" },
      { at: new Date("2020-03-02T00:00:00.000Z"), targetLabel: "day-start" },
      { at: new Date("2020-03-02T12:00:00.000Z"), targetLabel: "noon" },
      { at: new Date("2020-03-03T00:00:00.000Z"), targetLabel: "next-day" },
    ]);
    const labels = (query: Record<string, string>) =>
      listAuditEvents({ actor: admin.actor, companyId: company.id, query: { ...query, order: "asc" } }).then((p) =>
        p.items.map((e) => e.targetLabel),
      );
    expect(await labels({ from: "2020-03-02", to: "2020-03-02" })).toEqual(["day-start", "noon"]);
    expect(await labels({ from: "2020-03-02T00:00:00Z", to: "2020-03-02T12:00:00Z" })).toEqual(["day-start"]);
    expect(await labels({ from: "2020-03-02T13:00:00+01:00", to: "2020-03-02" })).toEqual(["noon"]);
    expect(await labels({ from: "2020-03-02T12:00:00Z", to: "2020-03-03" })).toEqual(["noon", "next-day"]);
    expect(await labels({ from: "2020-03-02T12:00:00Z", to: "2020-03-03T00:00:00Z" })).toEqual(["noon"]);
    expect(await labels({ to: "2020-03-01T23:59:59.999Z" })).toEqual([]);
  });

  it("refuses engineers and operators, hides the company from outsiders, and names bad filters", async () => {
    const { company, admin } = await seedCompany();
    const engineer = await seedMember(company.id, admin, "engineer");
    const operator = await seedMember(company.id, admin, "operator");
    const outsider = await seedUser();
    for (const who of [engineer, operator]) {
      await expect(listAuditEvents({ actor: who.actor, companyId: company.id, query: {} })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(exportAuditEventsCsv({ actor: who.actor, companyId: company.id, query: {} })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(listAuditEvents({ actor: outsider.actor, companyId: company.id, query: {} })).rejects.toMatchObject({
      code: "not_found",
    });
    const bad = (query: Record<string, string>) =>
      listAuditEvents({ actor: admin.actor, companyId: company.id, query }).catch((e) => e.fieldErrors);
    expect(Object.keys(await bad({ from: "yesterday" }))).toEqual(["from"]);
    expect(await bad({ from: "2020-01-02", to: "2020-01-01" })).toEqual({ to: ["Must be later than from"] });
    expect(Object.keys(await bad({ action: "client.'; drop" }))).toEqual(["action"]);
    expect(Object.keys(await bad({ sort: "actor" }))).toEqual(["sort"]);
    expect(await bad({ limit: "5" })).toHaveProperty("_");
  });

  it("exports every matching row as RFC 4180 CSV, defused against formulas, in keyset chunks", async () => {
    const { company, admin } = await seedCompany();
    const at = new Date("2021-06-01T08:00:00.000Z");
    // 25 events at the same instant: chunks of 7 must page on (at, id) without losing or repeating one.
    await insertEvents(
      company.id,
      Array.from({ length: 25 }, (_, i) => ({ at, targetLabel: `same-${String(i).padStart(2, "0")}` })),
    );
    await insertEvents(company.id, [
      { at: new Date("2021-06-02T00:00:00Z"), actorLabel: '=HYPERLINK("http://evil","x")', targetLabel: "a,b" },
      { at: new Date("2021-06-02T00:00:01Z"), actorLabel: "+1", targetLabel: 'say "hi"\nbye' },
      { at: new Date("2021-06-02T00:00:02Z"), actorLabel: "@SUM(A1)", targetLabel: "-5" },
    ]);
    const { stream, filename } = await exportAuditEventsCsv({
      actor: admin.actor,
      companyId: company.id,
      query: { action: "test.event" },
      chunkSize: 7,
    });
    expect(filename).toMatch(new RegExp(`^audit-${company.domain}\\.${company.enterprise}-.*\\.csv$`));
    const text = await readAll(stream);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...AUDIT_CSV_HEADER]);
    const body = rows.slice(1);
    expect(body).toHaveLength(28);
    const listed = await listAuditEvents({
      actor: admin.actor,
      companyId: company.id,
      query: { action: "test.event", pageSize: "200" },
    });
    expect(body.map((r) => r[10])).toEqual(listed.items.map((e) => e.id));
    expect(new Set(body.map((r) => r[10])).size).toBe(28);
    const [first, second, third] = body;
    expect(first?.slice(0, 3)).toEqual(["2021-06-02T00:00:02.000Z", "system", "'@SUM(A1)"]);
    expect(first?.[7]).toBe("'-5");
    expect(second?.[2]).toBe("'+1");
    expect(second?.[7]).toBe('say "hi"\nbye');
    expect(third?.[2]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(third?.[7]).toBe("a,b");
    expect(JSON.parse(third?.[9] ?? "")).toEqual({ i: 0 });
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);

    const oldest = parseCsv(
      await readAll(
        (
          await exportAuditEventsCsv({
            actor: admin.actor,
            companyId: company.id,
            query: { target: "same-", order: "asc", to: "2021-06-02" },
            chunkSize: 10,
          })
        ).stream,
      ),
    );
    expect(oldest).toHaveLength(26);
  });

  it("serves the log over REST to tokens of admins and auditors: JSON pages and streamed CSV", async () => {
    const { company, admin, auditor } = await companyWithHistory();
    const operator = await seedMember(company.id, admin, "operator");
    const token = await seedToken(auditor);
    const page = await callApi(listRoute.GET, "GET", {
      token,
      params: { companyId: company.id },
      query: { action: "system.", pageSize: "1" },
    });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 2, pageCount: 2, page: 1, pageSize: 1 });
    expect(page.json.items[0]).toMatchObject({
      action: "system.update",
      actor: { type: "user", id: admin.id, label: admin.email },
      target: { type: "system" },
      before: { description: "" },
      after: { description: "Car one" },
    });
    expect(Object.keys(page.json.items[0]).sort()).toEqual([
      "action",
      "actor",
      "after",
      "at",
      "before",
      "id",
      "target",
    ]);

    const csv = await callApi(csvRoute.GET, "GET", {
      token,
      params: { companyId: company.id },
      query: { actor: admin.email, action: "client." },
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const rows = parseCsv(csv.text);
    expect(rows.map((r) => r[4])).toEqual(["action", "client.register"]);

    // Paging parameters belong to the JSON list, not the export.
    expect(
      (await callApi(csvRoute.GET, "GET", { token, params: { companyId: company.id }, query: { page: "2" } })).status,
    ).toBe(422);
    const operatorToken = await seedToken(operator);
    for (const route of [listRoute.GET, csvRoute.GET]) {
      expect((await callApi(route, "GET", { token: operatorToken, params: { companyId: company.id } })).status).toBe(
        403,
      );
      const other = await seedToken(await seedUser());
      const hidden = await callApi(route, "GET", { token: other, params: { companyId: company.id } });
      expect(hidden.status).toBe(404);
      expect(hidden.contentType).toBe("application/problem+json");
    }
    const { client, secret } = await seedClient();
    const asClient = await callApi(listRoute.GET, "GET", {
      basic: { principal: client.principal, secret },
      params: { companyId: client.id },
    });
    expect(asClient.status).toBe(403);
  });
});

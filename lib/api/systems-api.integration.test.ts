import { describe, expect, it } from "vitest";
import * as companySystemsRoute from "@/app/api/v1/companies/[companyId]/systems/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as systemRoute from "@/app/api/v1/systems/[systemId]/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedCompany, seedMember, seedSystem, seedToken, uniq } from "@/test/seed";

const systemKeys = [
  "companyId",
  "createdAt",
  "description",
  "id",
  "name",
  "partitions",
  "retentionDays",
  "station",
  "topics",
  "updatedAt",
  "workcenter",
];

describe("REST API: systems", () => {
  it("lets an admin create, list, read, update and delete a system", async () => {
    const { company, admin } = await seedCompany();
    const token = await seedToken(admin);
    const params = { companyId: company.id };
    const created = await callApi(companySystemsRoute.POST, "POST", {
      token,
      params,
      body: { workcenter: "iot4cps-wp5-CarFleet", station: "Car1", description: "Car one", partitions: 2 },
    });
    expect(created.status).toBe(201);
    const name = `${company.domain}.${company.enterprise}.iot4cps-wp5-CarFleet.Car1`;
    expect(created.json).toMatchObject({
      name,
      description: "Car one",
      retentionDays: 14,
      partitions: 2,
      topics: { int: `${name}.int`, ext: `${name}.ext`, log: `${name}.log` },
    });
    expect(Object.keys(created.json).sort()).toEqual(systemKeys);
    const systemId = created.json.id as string;

    const list = await callApi(companySystemsRoute.GET, "GET", { token, params, query: { sort: "createdAt" } });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(Object.keys(list.json.items[0]).sort()).toEqual(systemKeys);

    const read = await callApi(systemRoute.GET, "GET", { token, params: { systemId } });
    expect(read.json).toMatchObject({ id: systemId, name });

    // A PATCH changes what it names and nothing else.
    const patched = await callApi(systemRoute.PATCH, "PATCH", {
      token,
      params: { systemId },
      body: { retentionDays: 30, partitions: 4 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ retentionDays: 30, partitions: 4, description: "Car one", name });

    const deleted = await callApi(systemRoute.DELETE, "DELETE", { token, params: { systemId } });
    expect(deleted.status).toBe(204);
    expect((await callApi(systemRoute.GET, "GET", { token, params: { systemId } })).status).toBe(404);
  });

  it("lets every member read, only admins change, and answers 404 to other companies", async () => {
    const seeded = await seedSystem();
    const systemId = seeded.system.id;
    const companyId = seeded.company.id;
    for (const role of ["engineer", "operator", "auditor"] as const) {
      const token = await seedToken(await seedMember(companyId, seeded.admin, role));
      expect((await callApi(systemRoute.GET, "GET", { token, params: { systemId } })).status, role).toBe(200);
      expect((await callApi(companySystemsRoute.GET, "GET", { token, params: { companyId } })).status, role).toBe(200);
      const create = await callApi(companySystemsRoute.POST, "POST", {
        token,
        params: { companyId },
        body: { workcenter: "wc", station: uniq("s") },
      });
      expect(create.status, role).toBe(403);
      expect(create.json.detail).toMatch(new RegExp(`Your role \\(${role}\\) may not create systems`));
      const patch = await callApi(systemRoute.PATCH, "PATCH", {
        token,
        params: { systemId },
        body: { retentionDays: 2 },
      });
      expect(patch.status, role).toBe(403);
      expect((await callApi(systemRoute.DELETE, "DELETE", { token, params: { systemId } })).status, role).toBe(403);
    }

    const outsider = await seedCompany();
    const token = await seedToken(outsider.admin);
    expect((await callApi(systemRoute.GET, "GET", { token, params: { systemId } })).status).toBe(404);
    expect(
      (await callApi(systemRoute.PATCH, "PATCH", { token, params: { systemId }, body: { retentionDays: 2 } })).status,
    ).toBe(404);
    expect((await callApi(systemRoute.DELETE, "DELETE", { token, params: { systemId } })).status).toBe(404);
    expect((await callApi(companySystemsRoute.GET, "GET", { token, params: { companyId } })).status).toBe(404);
    const intoOther = await callApi(companySystemsRoute.POST, "POST", {
      token,
      params: { companyId },
      body: { workcenter: "wc", station: "s" },
    });
    expect(intoOther.status).toBe(404);
    expect(intoOther.json.detail).toBe("Company not found");
    expect((await callApi(systemRoute.GET, "GET", { token, params: { systemId: "nope" } })).status).toBe(404);
    // The system is untouched.
    const adminToken = await seedToken(seeded.admin);
    const after = await callApi(systemRoute.GET, "GET", { token: adminToken, params: { systemId } });
    expect(after.json).toMatchObject({ retentionDays: 14 });
  });

  it("refuses malformed input with 422 naming the field and the rule", async () => {
    const seeded = await seedSystem();
    const token = await seedToken(seeded.admin);
    const params = { companyId: seeded.company.id };
    const badName = await callApi(companySystemsRoute.POST, "POST", {
      token,
      params,
      body: { workcenter: "Car Fleet", station: "", retentionDays: 0 },
    });
    expect(badName.status).toBe(422);
    expect(badName.json.errors).toEqual({
      workcenter: [expect.stringMatching(/^Use letters A–Z a–z, digits 0–9 and '-' only/)],
      station: expect.arrayContaining([expect.stringMatching(/^Required: letters A–Z/)]),
      retentionDays: ["At least 1 day"],
    });
    const extra = await callApi(companySystemsRoute.POST, "POST", {
      token,
      params,
      body: { workcenter: "wc", station: "s", name: "x.y.z.w" },
    });
    expect(extra.status).toBe(422);
    const rename = await callApi(systemRoute.PATCH, "PATCH", {
      token,
      params: { systemId: seeded.system.id },
      body: { station: "renamed" },
    });
    expect(rename.status).toBe(422);
    const shrink = await callApi(systemRoute.PATCH, "PATCH", {
      token,
      params: { systemId: seeded.system.id },
      body: { partitions: 1 },
    });
    expect(shrink.status).toBe(422);
    expect(shrink.json.errors).toEqual({ partitions: ["At least 2 (partitions can only grow)"] });
    const notJson = await callApi(systemRoute.PATCH, "PATCH", {
      token,
      params: { systemId: seeded.system.id },
      body: "{nope",
    });
    expect(notJson.status).toBe(422);
    const badQuery = await callApi(companySystemsRoute.GET, "GET", { token, params, query: { sort: "secret" } });
    expect(badQuery.status).toBe(422);
    expect(Object.keys(badQuery.json.errors)).toEqual(["sort"]);
    const taken = await callApi(companySystemsRoute.POST, "POST", {
      token,
      params,
      body: { workcenter: seeded.system.workcenter, station: seeded.system.station },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual({ station: ["A system with this workcenter and station exists"] });
  });

  it("refuses to delete a system that has clients, saying how many", async () => {
    const seeded = await seedClient();
    const token = await seedToken(seeded.admin);
    const refused = await callApi(systemRoute.DELETE, "DELETE", { token, params: { systemId: seeded.system.id } });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toBe(`${seeded.system.name} still has 1 client: delete them first`);
  });

  it("refuses client credentials and is in the OpenAPI document", async () => {
    const seeded = await seedClient();
    const asClient = await callApi(systemRoute.GET, "GET", {
      basic: { principal: seeded.client.principal, secret: seeded.secret },
      params: { systemId: seeded.system.id },
    });
    expect(asClient.status).toBe(403);
    expect(asClient.json.detail).toBe("This endpoint does not accept client credentials");

    const doc = (await (await openapiRoute.GET()).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.paths["/companies/{companyId}/systems"]?.post?.operationId).toBe("createSystem");
    expect(Object.keys(doc.paths["/systems/{systemId}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
  });
});

import { describe, expect, it } from "vitest";
import * as invitationsRoute from "@/app/api/v1/companies/[companyId]/invitations/route";
import * as memberRoute from "@/app/api/v1/companies/[companyId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/companies/[companyId]/members/route";
import * as companiesRoute from "@/app/api/v1/companies/[companyId]/route";
import * as companyListRoute from "@/app/api/v1/companies/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedCompany, seedMember, seedToken, seedUser, uniq } from "@/test/seed";
import { revokeApiToken } from "../api-tokens/revoke-api-token";

describe("REST API /api/v1", () => {
  it("changes a member's role and answers with the member (it once failed its own response schema: 500)", async () => {
    const { company, admin } = await seedCompany();
    const member = await seedMember(company.id, admin, "operator");
    const token = await seedToken(admin);
    const params = { companyId: company.id, userId: member.id };
    const changed = await callApi(memberRoute.PATCH, "PATCH", { token, params, body: { role: "engineer" } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ role: "engineer", user: { id: member.id, email: member.email } });
    // The same role again changes nothing and answers the same way.
    const same = await callApi(memberRoute.PATCH, "PATCH", { token, params, body: { role: "engineer" } });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ role: "engineer", user: { id: member.id, name: member.name } });
  });

  it("refuses callers without credentials or with unknown ones, as problem documents", async () => {
    const anonymous = await callApi(companyListRoute.GET, "GET", {
      headers: { authorization: "Bearer rhei_pat_nope" },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toBe("application/problem+json");
    expect(anonymous.json).toMatchObject({ status: 401, detail: expect.stringMatching(/token is unknown/) });
    const basic = await callApi(companyListRoute.GET, "GET", { basic: { principal: "x.y", secret: "z" } });
    expect(basic.status).toBe(401);
  });

  it("lets a token act as its user: create, read, update, and see it in the list", async () => {
    const user = await seedUser();
    const token = await seedToken(user);
    const enterprise = uniq("e");
    const created = await callApi(companyListRoute.POST, "POST", {
      token,
      body: { domain: "cz", enterprise, description: "x" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ domain: "cz", enterprise, role: "admin" });
    const id = created.json.id as string;
    const updated = await callApi(companiesRoute.PATCH, "PATCH", {
      token,
      params: { companyId: id },
      body: { description: "Cars" },
    });
    expect(updated.json).toMatchObject({ description: "Cars", role: "admin" });
    const list = await callApi(companyListRoute.GET, "GET", { token });
    expect(list.json.items.map((c: { id: string }) => c.id)).toEqual([id]);
    // Responses carry only documented fields.
    expect(Object.keys(list.json.items[0]).sort()).toEqual([
      "createdAt",
      "description",
      "domain",
      "enterprise",
      "id",
      "role",
    ]);
  });

  it("validates bodies and queries, naming the field and the rule", async () => {
    const { company, admin } = await seedCompany();
    const token = await seedToken(admin);
    const bad = await callApi(companyListRoute.POST, "POST", { token, body: { domain: "c z", enterprise: "" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["domain", "enterprise"]);
    const notJson = await callApi(companyListRoute.POST, "POST", { token, body: "{oops" });
    expect(notJson.status).toBe(422);
    const unknownParam = await callApi(membersRoute.GET, "GET", {
      token,
      params: { companyId: company.id },
      query: { limit: "5" },
    });
    expect(unknownParam.status).toBe(422);
    const extraField = await callApi(companyListRoute.POST, "POST", {
      token,
      body: { domain: "cz", enterprise: uniq("e"), admin: true },
    });
    expect(extraField.status).toBe(422);
  });

  it("answers 404 for other companies and malformed ids, 403 for a role that lacks the right", async () => {
    const { company, admin } = await seedCompany();
    const engineer = await seedMember(company.id, admin, "engineer");
    const outsider = await seedToken(await seedUser());
    expect(
      (await callApi(companiesRoute.GET, "GET", { token: outsider, params: { companyId: company.id } })).status,
    ).toBe(404);
    expect(
      (await callApi(companiesRoute.GET, "GET", { token: outsider, params: { companyId: "not-a-uuid" } })).status,
    ).toBe(404);
    const engineerToken = await seedToken(engineer);
    const forbidden = await callApi(invitationsRoute.POST, "POST", {
      token: engineerToken,
      params: { companyId: company.id },
      body: { email: admin.email, role: "auditor" },
    });
    expect(forbidden.status).toBe(403);
    const lastAdmin = await callApi(memberRoute.DELETE, "DELETE", {
      token: await seedToken(admin),
      params: { companyId: company.id, userId: admin.id },
    });
    expect(lastAdmin.status).toBe(409);
  });

  it("refuses a revoked token and client credentials on user endpoints", async () => {
    const user = await seedUser();
    const token = await seedToken(user);
    const { createApiToken } = await import("../api-tokens/create-api-token");
    const other = await createApiToken({ actor: user.actor, input: { name: "second" } });
    await revokeApiToken({ actor: user.actor, tokenId: other.apiToken.id });
    expect((await callApi(companyListRoute.GET, "GET", { token: other.token })).status).toBe(401);
    expect((await callApi(companyListRoute.GET, "GET", { token })).status).toBe(200);
    const { client, secret } = await seedClient();
    const asClient = await callApi(companyListRoute.GET, "GET", { basic: { principal: client.principal, secret } });
    expect(asClient.status).toBe(403);
  });

  it("serves an OpenAPI 3.1 document describing every endpoint", async () => {
    const response = await openapiRoute.GET();
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/companies/{companyId}/members/{userId}"]?.patch?.operationId).toBe("changeMemberRole");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/companies", "/companies/{companyId}", "/companies/{companyId}/members"]),
    );
  });
});

import { describe, expect, it } from "vitest";
import * as callingClientRoute from "@/app/api/v1/client/route";
import * as revokeRoute from "@/app/api/v1/clients/[clientId]/revoke/route";
import * as rotateRoute from "@/app/api/v1/clients/[clientId]/rotate/route";
import * as clientRoute from "@/app/api/v1/clients/[clientId]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as systemClientsRoute from "@/app/api/v1/systems/[systemId]/clients/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedMember, seedSystem, seedToken, seedUser, uniq } from "@/test/seed";
import { db } from "../db/client";

const clientKeys = [
  "consumerGroup",
  "createdAt",
  "description",
  "id",
  "name",
  "principal",
  "revokedAt",
  "rotatedAt",
  "secretVersion",
  "status",
  "systemId",
  "updatedAt",
];

const whoAmI = (principal: string, secret: string) =>
  callApi(callingClientRoute.GET, "GET", { basic: { principal, secret } });

/** Neither the secret nor its hash nor the sealed SCRAM material appears anywhere in the response. */
async function expectNoSecretIn(json: unknown, clientId: string, secret?: string) {
  const text = JSON.stringify(json);
  const row = await db.client.findUniqueOrThrow({ where: { id: clientId }, omit: { secretHash: false } });
  expect(text).not.toContain(row.secretHash);
  expect(text).not.toMatch(/secretHash|pendingCredential|"secret"|rcs_/);
  if (secret) expect(text).not.toContain(secret);
}

describe("REST API: client applications", () => {
  it("registers a client and shows its secret and SDK configuration in that response only", async () => {
    const { system, admin } = await seedSystem();
    const token = await seedToken(admin);
    const registered = await callApi(systemClientsRoute.POST, "POST", {
      token,
      params: { systemId: system.id },
      body: { name: "car_1", description: "The first car" },
    });
    expect(registered.status).toBe(201);
    const { client, secret, config } = registered.json;
    expect(Object.keys(registered.json).sort()).toEqual(["client", "config", "secret"]);
    expect(secret).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(client).sort()).toEqual(clientKeys);
    expect(client).toMatchObject({
      name: "car_1",
      principal: `${system.name}.car_1`,
      consumerGroup: `${system.name}.car_1`,
      status: "active",
      secretVersion: 1,
      rotatedAt: null,
    });
    expect(config).toEqual({
      console: expect.stringMatching(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/),
      bootstrapServers: expect.stringMatching(/:\d+/),
      system: system.name,
      client: "car_1",
      secret,
    });
    const row = await db.client.findUniqueOrThrow({ where: { id: client.id }, omit: { secretHash: false } });
    expect(JSON.stringify(registered.json)).not.toContain(row.secretHash);

    const read = await callApi(clientRoute.GET, "GET", { token, params: { clientId: client.id } });
    expect(read.status).toBe(200);
    expect(Object.keys(read.json).sort()).toEqual(clientKeys);
    await expectNoSecretIn(read.json, client.id, secret);
    const list = await callApi(systemClientsRoute.GET, "GET", { token, params: { systemId: system.id } });
    expect(list.json).toMatchObject({ total: 1, items: [{ id: client.id }] });
    await expectNoSecretIn(list.json, client.id, secret);

    const patched = await callApi(clientRoute.PATCH, "PATCH", {
      token,
      params: { clientId: client.id },
      body: { description: "Car one" },
    });
    expect(patched.json).toMatchObject({ description: "Car one", name: "car_1" });
    await expectNoSecretIn(patched.json, client.id, secret);
  });

  it("rotates, revokes and re-issues: the secret only in rotation responses, old and revoked secrets refused", async () => {
    const { client, secret, admin } = await seedClient();
    const token = await seedToken(admin);
    const params = { clientId: client.id };
    expect((await whoAmI(client.principal, secret)).status).toBe(200);

    const rotated = await callApi(rotateRoute.POST, "POST", { token, params });
    expect(rotated.status).toBe(200);
    expect(rotated.json.client).toMatchObject({ secretVersion: 2, status: "active" });
    expect(rotated.json.client.rotatedAt).toEqual(expect.any(String));
    expect(rotated.json.secret).not.toBe(secret);
    expect(rotated.json.config.secret).toBe(rotated.json.secret);
    expect((await whoAmI(client.principal, secret)).status).toBe(401);
    expect((await whoAmI(client.principal, rotated.json.secret)).status).toBe(200);

    const revoked = await callApi(revokeRoute.POST, "POST", { token, params });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
    await expectNoSecretIn(revoked.json, client.id, rotated.json.secret);
    const refused = await whoAmI(client.principal, rotated.json.secret);
    expect(refused.status).toBe(401);
    expect(refused.json.detail).toMatch(/revoked/);
    expect((await callApi(revokeRoute.POST, "POST", { token, params })).status).toBe(409);

    // Re-issuing a revoked client is a rotation: active again, with a new secret.
    const reissued = await callApi(rotateRoute.POST, "POST", { token, params });
    expect(reissued.json.client).toMatchObject({ status: "active", secretVersion: 3, revokedAt: null });
    expect((await whoAmI(client.principal, reissued.json.secret)).status).toBe(200);

    const deleted = await callApi(clientRoute.DELETE, "DELETE", { token, params });
    expect(deleted.status).toBe(204);
    expect((await callApi(clientRoute.GET, "GET", { token, params })).status).toBe(404);
    expect((await whoAmI(client.principal, reissued.json.secret)).status).toBe(401);
  });

  it("lets engineers and auditors read, operators not, only admins change; other companies get 404", async () => {
    const seeded = await seedClient();
    const clientId = seeded.client.id;
    const systemId = seeded.system.id;
    for (const role of ["engineer", "auditor"] as const) {
      const token = await seedToken(await seedMember(seeded.company.id, seeded.admin, role));
      expect((await callApi(clientRoute.GET, "GET", { token, params: { clientId } })).status, role).toBe(200);
      expect((await callApi(systemClientsRoute.GET, "GET", { token, params: { systemId } })).status, role).toBe(200);
      const register = await callApi(systemClientsRoute.POST, "POST", {
        token,
        params: { systemId },
        body: { name: uniq("c") },
      });
      expect(register.status, role).toBe(403);
      for (const [route, method] of [
        [rotateRoute.POST, "POST"],
        [revokeRoute.POST, "POST"],
        [clientRoute.DELETE, "DELETE"],
      ] as const) {
        expect((await callApi(route, method, { token, params: { clientId } })).status, `${role} ${method}`).toBe(403);
      }
      const patch = await callApi(clientRoute.PATCH, "PATCH", {
        token,
        params: { clientId },
        body: { description: "x" },
      });
      expect(patch.status, role).toBe(403);
    }
    const operator = await seedToken(await seedMember(seeded.company.id, seeded.admin, "operator"));
    expect((await callApi(clientRoute.GET, "GET", { token: operator, params: { clientId } })).status).toBe(403);
    expect((await callApi(systemClientsRoute.GET, "GET", { token: operator, params: { systemId } })).status).toBe(403);

    const outsider = await seedToken((await seedSystem()).admin);
    for (const [route, method] of [
      [clientRoute.GET, "GET"],
      [clientRoute.DELETE, "DELETE"],
      [rotateRoute.POST, "POST"],
      [revokeRoute.POST, "POST"],
    ] as const) {
      expect((await callApi(route, method, { token: outsider, params: { clientId } })).status, method).toBe(404);
    }
    expect(
      (await callApi(clientRoute.PATCH, "PATCH", { token: outsider, params: { clientId }, body: { description: "x" } }))
        .status,
    ).toBe(404);
    expect((await callApi(systemClientsRoute.GET, "GET", { token: outsider, params: { systemId } })).status).toBe(404);
    const intoOther = await callApi(systemClientsRoute.POST, "POST", {
      token: outsider,
      params: { systemId },
      body: { name: uniq("c") },
    });
    expect(intoOther.status).toBe(404);
    expect((await callApi(clientRoute.GET, "GET", { token: outsider, params: { clientId: "42" } })).status).toBe(404);
    // Nothing changed behind the refusals.
    const row = await db.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(row).toMatchObject({ status: "active", secretVersion: 1, description: "" });
    expect(await db.client.count({ where: { systemId } })).toBe(1);
  });

  it("refuses malformed input with 422 naming the field and the rule, and taken names with 409", async () => {
    const seeded = await seedClient();
    const token = await seedToken(seeded.admin);
    const params = { systemId: seeded.system.id };
    const dotted = await callApi(systemClientsRoute.POST, "POST", { token, params, body: { name: "car.1" } });
    expect(dotted.status).toBe(422);
    expect(dotted.json.errors).toEqual({
      name: ["Use letters A–Z a–z, digits 0–9, '-' and '_' only (1–63 characters)"],
    });
    const extra = await callApi(systemClientsRoute.POST, "POST", {
      token,
      params,
      body: { name: "ok", secret: "mine" },
    });
    expect(extra.status).toBe(422);
    const long = await callApi(clientRoute.PATCH, "PATCH", {
      token,
      params: { clientId: seeded.client.id },
      body: { description: "x".repeat(2001) },
    });
    expect(long.status).toBe(422);
    expect(long.json.errors).toEqual({ description: ["At most 2000 characters"] });
    const badQuery = await callApi(systemClientsRoute.GET, "GET", { token, params, query: { pageSize: "1000" } });
    expect(badQuery.status).toBe(422);
    const taken = await callApi(systemClientsRoute.POST, "POST", { token, params, body: { name: seeded.client.name } });
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual({ name: ["This name is taken in this system"] });
  });

  it("answers GET /client to client credentials only", async () => {
    const { client, secret, system, admin } = await seedClient();
    const me = await whoAmI(client.principal, secret);
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      id: client.id,
      name: client.name,
      principal: client.principal,
      consumerGroup: client.principal,
      status: "active",
      secretVersion: 1,
      system: { id: system.id, name: system.name },
    });
    expect((await whoAmI(client.principal, `${secret}x`)).status).toBe(401);
    expect((await whoAmI("nobody.at.all.x.y", secret)).status).toBe(401);
    const asUser = await callApi(callingClientRoute.GET, "GET", { token: await seedToken(admin) });
    expect(asUser.status).toBe(403);
    expect(asUser.json.detail).toBe("This endpoint does not accept token credentials");
    // And client credentials do not open the user endpoints, not even for the client's own record.
    const own = await callApi(clientRoute.GET, "GET", {
      basic: { principal: client.principal, secret },
      params: { clientId: client.id },
    });
    expect(own.status).toBe(403);
    const stranger = await seedToken(await seedUser());
    expect((await callApi(callingClientRoute.GET, "GET", { token: stranger })).status).toBe(403);
  });

  it("are in the OpenAPI document, with client credentials only on GET /client", async () => {
    const doc = (await (await openapiRoute.GET()).json()) as {
      paths: Record<string, Record<string, { operationId: string; security: Record<string, unknown>[] }>>;
    };
    expect(doc.paths["/systems/{systemId}/clients"]?.post?.operationId).toBe("registerClient");
    expect(doc.paths["/clients/{clientId}/rotate"]?.post?.operationId).toBe("rotateClientSecret");
    expect(doc.paths["/clients/{clientId}/revoke"]?.post?.operationId).toBe("revokeClient");
    expect(Object.keys(doc.paths["/clients/{clientId}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    expect(doc.paths["/client"]?.get?.security).toEqual([{ clientBasic: [] }]);
    expect(doc.paths["/clients/{clientId}"]?.get?.security).toEqual([{ session: [] }, { bearerToken: [] }]);
  });
});

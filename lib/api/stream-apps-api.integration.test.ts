import { describe, expect, it } from "vitest";
import * as companyGrantsRoute from "@/app/api/v1/companies/[companyId]/grants/route";
import * as checkRoute from "@/app/api/v1/companies/[companyId]/stream-apps/check/route";
import * as joinCheckRoute from "@/app/api/v1/companies/[companyId]/stream-apps/join/check/route";
import * as joinTestRoute from "@/app/api/v1/companies/[companyId]/stream-apps/join/test/route";
import * as companyAppsRoute from "@/app/api/v1/companies/[companyId]/stream-apps/route";
import * as answerRoute from "@/app/api/v1/grants/[grantId]/answer/route";
import * as grantRoute from "@/app/api/v1/grants/[grantId]/route";
import * as deployRoute from "@/app/api/v1/stream-apps/[appId]/deploy/route";
import * as logTextRoute from "@/app/api/v1/stream-apps/[appId]/log.txt/route";
import * as appRoute from "@/app/api/v1/stream-apps/[appId]/route";
import * as stopRoute from "@/app/api/v1/stream-apps/[appId]/stop/route";
import * as systemGrantsRoute from "@/app/api/v1/systems/[systemId]/grants/route";
import * as lineageRoute from "@/app/api/v1/systems/[systemId]/lineage/route";
import { callApi } from "@/test/call-api";
import { seedToken } from "@/test/seed";
import { seedStreamCompany } from "@/test/stream-app-world";

describe("REST API: stream apps and grants", () => {
  it("creates a join app from its spec, checks and tests join drafts; 422 naming the field; 404 for another company", async () => {
    const world = await seedStreamCompany(2);
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const token = await seedToken(world.engineer);
    const params = { companyId: world.company.id };
    const spec = {
      inputs: [
        { name: "temp", query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature'` },
        { name: "again", query: `SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature'` },
      ],
      toleranceMs: 1000,
      output: {
        value: "abs(left.result - right.result)",
        thing: "Joined",
        datastream: "Diff",
        observationType: "Measurement",
      },
    };
    const created = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: { name: "diff", kind: "join", targetSystemId: target.id, spec },
    });
    expect(created.status).toBe(201);
    const got = await callApi(appRoute.GET, "GET", { token, params: { appId: created.json.id } });
    expect(got.json).toMatchObject({ kind: "join", spec: { toleranceMs: 1000, mode: "neighbours" } });
    expect(got.json.outputDatastreamId).toEqual(expect.any(String));
    expect(got.json.metrics.lateRecords).toBe(0);

    const malformed = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: { name: "bad", kind: "join", targetSystemId: target.id, spec: { ...spec, toleranceMs: "soon" } },
    });
    expect(malformed.status).toBe(422);
    expect(Object.keys(malformed.json.errors)).toContain("spec.toleranceMs");

    const check = await callApi(joinCheckRoute.POST, "POST", {
      token,
      params,
      body: { targetSystemId: target.id, spec: { ...spec, output: { ...spec.output, value: "left.result +" } } },
    });
    expect(check.status).toBe(200);
    expect(check.json.ok).toBe(false);
    expect(Object.keys(check.json.fieldErrors)).toEqual(["output.value"]);

    const test = await callApi(joinTestRoute.POST, "POST", {
      token,
      params,
      body: { targetSystemId: target.id, spec, perPartition: 10 },
    });
    expect(test.status).toBe(200);
    expect(test.json.check.ok).toBe(true);

    const stranger = await seedStreamCompany(1);
    const otherToken = await seedToken(stranger.engineer);
    const foreign = await callApi(joinTestRoute.POST, "POST", {
      token: otherToken,
      params,
      body: { targetSystemId: target.id, spec },
    });
    expect(foreign.status).toBe(404);
  });

  it("creates, checks, edits, deploys and stops an app; refuses bad input with the place; 404 for another company", async () => {
    const world = await seedStreamCompany(2);
    const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
    const token = await seedToken(world.engineer);
    const params = { companyId: world.company.id };

    const bad = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: { name: "bad", targetSystemId: target.id, query: `SELECT * FROM ${source.name} WHERE result <` },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.detail).toMatch(/at 1:\d+: expected an operand/);
    expect(bad.json.errors.query[0]).toMatch(/^at 1:\d+: /);

    const typed = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: {
        name: "typed",
        targetSystemId: target.id,
        query: `SELECT * FROM ${source.name} WHERE result > 'abc' AND quantity = 'Air Temperature'`,
      },
    });
    expect(typed.status).toBe(422);
    expect(typed.json.errors.query.join(" ")).toMatch(/at 1:\d+: /);

    const malformed = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: { name: "no spaces allowed" },
    });
    expect(malformed.status).toBe(422);
    expect(JSON.stringify(malformed.json)).toMatch(/name/);

    const check = await callApi(checkRoute.POST, "POST", {
      token,
      params,
      body: { targetSystemId: target.id, query: `SELECT * FROM ${source.name} WHERE quantity = 'Nothing'` },
    });
    expect(check.status).toBe(200);
    expect(check.json.ok).toBe(true);
    expect(check.json.warnings.map((w: { message: string }) => w.message).join(" ")).toMatch(/selects nothing/);

    const created = await callApi(companyAppsRoute.POST, "POST", {
      token,
      params,
      body: { name: "api-app", targetSystemId: target.id, query: `SELECT * FROM ${source.name} WHERE result < 0` },
    });
    expect(created.status).toBe(201);
    const appId = created.json.id as string;
    const edited = await callApi(appRoute.PATCH, "PATCH", {
      token,
      params: { appId },
      body: { query: `SELECT * FROM ${source.name} WHERE result < 1` },
    });
    expect(edited.json.version).toBe(2);
    expect((await callApi(deployRoute.POST, "POST", { token, params: { appId } })).status).toBe(200);
    const got = await callApi(appRoute.GET, "GET", { token, params: { appId } });
    expect(got.json).toMatchObject({ name: "api-app", desiredState: "running", version: 2, canManage: true });
    expect(got.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await callApi(stopRoute.POST, "POST", { token, params: { appId } })).status).toBe(200);
    const list = await callApi(companyAppsRoute.GET, "GET", { token, params });
    expect(list.json.items.map((a: { name: string }) => a.name)).toEqual(["api-app"]);
    const log = await callApi(logTextRoute.GET, "GET", { token, params: { appId } });
    expect(log.contentType).toContain("text/plain");
    expect(log.text).toMatch(/Created \(version 1\)[\s\S]*Version 2 saved[\s\S]*Deployed[\s\S]*Stopped/);
    const lineage = await callApi(lineageRoute.GET, "GET", { token, params: { systemId: source.id } });
    expect(lineage.json.outgoing.map((o: { app: { name: string } }) => o.app.name)).toEqual(["api-app"]);

    // Another company's app and system are not found, for reading and changing alike.
    const stranger = await seedStreamCompany(1);
    const strangerToken = await seedToken(stranger.admin);
    expect((await callApi(appRoute.GET, "GET", { token: strangerToken, params: { appId } })).status).toBe(404);
    expect((await callApi(deployRoute.POST, "POST", { token: strangerToken, params: { appId } })).status).toBe(404);
    expect(
      (await callApi(lineageRoute.GET, "GET", { token: strangerToken, params: { systemId: source.id } })).status,
    ).toBe(404);
  });

  it("offers, shows and accepts a grant across companies; only the receiver's admin answers", async () => {
    const source = await seedStreamCompany(1);
    const receiver = await seedStreamCompany(1);
    const [system] = source.systems as [(typeof source.systems)[0]];
    const offered = await callApi(systemGrantsRoute.POST, "POST", {
      token: await seedToken(source.engineer),
      params: { systemId: system.id },
      body: {
        targetCompany: `${receiver.company.domain}.${receiver.company.enterprise}`,
        datastreams: "Main.*",
        filter: "result >",
      },
    });
    expect(offered.status).toBe(422);
    expect(JSON.stringify(offered.json)).toMatch(/filter/);
    const ok = await callApi(systemGrantsRoute.POST, "POST", {
      token: await seedToken(source.engineer),
      params: { systemId: system.id },
      body: { targetCompany: `${receiver.company.domain}.${receiver.company.enterprise}`, datastreams: "Main.*" },
    });
    expect(ok.status).toBe(201);
    const grantId = ok.json.id as string;
    const receiverEngineer = await seedToken(receiver.engineer);
    const seen = await callApi(grantRoute.GET, "GET", { token: receiverEngineer, params: { grantId } });
    expect(seen.json.covered.map((d: { name: string }) => d.name).sort()).toEqual(["Air Temperature", "Status"]);
    expect(seen.json.canAnswer).toBe(false);
    expect(
      (
        await callApi(answerRoute.POST, "POST", {
          token: receiverEngineer,
          params: { grantId },
          body: { accept: true },
        })
      ).status,
    ).toBe(403);
    const answered = await callApi(answerRoute.POST, "POST", {
      token: await seedToken(receiver.admin),
      params: { grantId },
      body: { accept: true },
    });
    expect(answered.json.state).toBe("accepted");
    const received = await callApi(companyGrantsRoute.GET, "GET", {
      token: receiverEngineer,
      params: { companyId: receiver.company.id },
      query: { side: "received" },
    });
    expect(received.json.items.map((g: { id: string }) => g.id)).toEqual([grantId]);
    const stranger = await seedStreamCompany(0);
    expect(
      (await callApi(grantRoute.GET, "GET", { token: await seedToken(stranger.admin), params: { grantId } })).status,
    ).toBe(404);
  });
});

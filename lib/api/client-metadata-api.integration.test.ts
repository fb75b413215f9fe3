import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as clientDatastreamsRoute from "@/app/api/v1/client/datastreams/route";
import * as registerRoute from "@/app/api/v1/client/register/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { callApi } from "@/test/call-api";
import { seedClient, seedDatastream, seedSystem, seedToken } from "@/test/seed";
import { revokeClient } from "../clients/revoke-client";
import { db } from "../db/client";

const car1 = JSON.parse(
  readFileSync(new URL("../../data/panta-rhei/CarFleet/Car1/instances.json", import.meta.url), "utf8"),
) as { Datastreams: Record<string, { name: string }> };

const positionSchema = {
  type: "object",
  properties: { lat: { type: "number" }, lon: { type: "number" } },
  required: ["lat", "lon"],
};

describe("REST API: client applications register and list their datastreams", () => {
  it("registers instances.json into the client's own system, idempotently, and answers the full names", async () => {
    const seeded = await seedClient();
    const basic = { principal: seeded.client.principal, secret: seeded.secret };
    const system = seeded.system.name;

    const first = await callApi(registerRoute.POST, "POST", { basic, body: car1 });
    expect(first.status).toBe(200);
    // 1 thing, 3 sensors, 5 observed properties, 5 datastreams.
    expect(first.json).toMatchObject({ created: 14, updated: 0, unchanged: 0 });
    expect(first.json.datastreamKeys).toEqual({
      temperature: `${system}.Main.Air Temperature`,
      acceleration: `${system}.Main.Acceleration`,
      "GPS-position-latitude": `${system}.Main.Latitude`,
      "GPS-position-longitude": `${system}.Main.Longitude`,
      "GPS-position-attitude": `${system}.Main.Attitude`,
    });
    expect(first.json.datastreams).toHaveLength(5);
    expect(first.json.datastreams[0]).toEqual({
      name: "Air Temperature",
      fullName: `${system}.Main.Air Temperature`,
      observationType: "Measurement",
      unit: {
        name: "DegreeCelsius",
        symbol: "degC",
        definition: "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#DegreeCelsius",
      },
      resultSchema: null,
      retentionMs: seeded.system.retentionDays * 86_400_000,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { companyId: seeded.company.id, action: "metadata.import" },
    });
    expect(audit).toMatchObject({ actorType: "client", actorLabel: seeded.client.principal });

    const again = await callApi(registerRoute.POST, "POST", { basic, body: car1 });
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 14 });
    expect(again.json.datastreams).toEqual(first.json.datastreams);
    expect(await db.datastream.count({ where: { systemId: seeded.system.id } })).toBe(5);

    // A Rhei document works too (as YAML), with an Observation schema; no reference keys then.
    const rhei = await callApi(registerRoute.POST, "POST", {
      basic,
      headers: { "content-type": "application/yaml" },
      body: `rhei: 1\ndatastreams:\n  - thing: Main\n    name: Position\n    observationType: Observation\n    resultSchema: ${JSON.stringify(positionSchema)}\n`,
    });
    expect(rhei.status).toBe(200);
    expect(rhei.json).toMatchObject({ created: 1, datastreamKeys: {} });
    expect(rhei.json.datastreams).toEqual([
      {
        name: "Position",
        fullName: `${system}.Main.Position`,
        observationType: "Observation",
        unit: { name: "", symbol: "", definition: "" },
        resultSchema: positionSchema,
        retentionMs: seeded.system.retentionDays * 86_400_000,
      },
    ]);

    const list = await callApi(clientDatastreamsRoute.GET, "GET", { basic });
    expect(list.status).toBe(200);
    expect(list.json.datastreams.map((d: { fullName: string }) => d.fullName)).toEqual(
      ["Acceleration", "Air Temperature", "Attitude", "Latitude", "Longitude", "Position"].map(
        (n) => `${system}.Main.${n}`,
      ),
    );
  });

  it("gives each client only its own system's datastreams", async () => {
    const mine = await seedClient();
    // A sibling system of the same company, with a client and a datastream of its own.
    const sibling = await seedSystem({ company: mine.company, admin: mine.admin });
    const other = await seedClient(sibling);
    const theirs = await seedDatastream(sibling);
    await callApi(registerRoute.POST, "POST", {
      basic: { principal: mine.client.principal, secret: mine.secret },
      body: car1,
    });
    const mineList = await callApi(clientDatastreamsRoute.GET, "GET", {
      basic: { principal: mine.client.principal, secret: mine.secret },
    });
    expect(mineList.json.datastreams).toHaveLength(5);
    expect(mineList.json.datastreams.every((d: { fullName: string }) => d.fullName.startsWith(mine.system.name))).toBe(
      true,
    );
    const otherList = await callApi(clientDatastreamsRoute.GET, "GET", {
      basic: { principal: other.client.principal, secret: other.secret },
    });
    expect(otherList.json.datastreams.map((d: { fullName: string }) => d.fullName)).toEqual([
      theirs.datastream.fullName,
    ]);
    expect(
      otherList.json.datastreams.some((d: { fullName: string }) => d.fullName.startsWith(`${mine.system.name}.`)),
    ).toBe(false);
  });

  it("refuses revoked clients, wrong secrets, users, and bad documents", async () => {
    const seeded = await seedClient();
    const basic = { principal: seeded.client.principal, secret: seeded.secret };
    const wrong = await callApi(registerRoute.POST, "POST", {
      basic: { ...basic, secret: `${seeded.secret}x` },
      body: car1,
    });
    expect(wrong.status).toBe(401);

    const asUser = await callApi(registerRoute.POST, "POST", { token: await seedToken(seeded.admin), body: car1 });
    expect(asUser.status).toBe(403);
    expect(asUser.json.detail).toBe("This endpoint does not accept token credentials");
    const listAsUser = await callApi(clientDatastreamsRoute.GET, "GET", { token: await seedToken(seeded.admin) });
    expect(listAsUser.status).toBe(403);

    const bad = structuredClone(car1) as { Datastreams: Record<string, Record<string, unknown>> };
    const temperature = bad.Datastreams.temperature;
    if (temperature) temperature.name = "Air.Temperature";
    const refused = await callApi(registerRoute.POST, "POST", { basic, body: bad });
    expect(refused.status).toBe(422);
    expect(refused.json.errors["Datastreams.temperature.name"]).toEqual([
      "Use 1–100 characters, no '.' or '*', no leading or trailing spaces",
    ]);
    expect((await callApi(registerRoute.POST, "POST", { basic, body: "{not json" })).status).toBe(422);
    expect((await callApi(registerRoute.POST, "POST", { basic, body: {} })).status).toBe(422);
    expect(await db.thing.count({ where: { systemId: seeded.system.id } })).toBe(0);

    await revokeClient({ actor: seeded.admin.actor, clientId: seeded.client.id });
    expect((await callApi(registerRoute.POST, "POST", { basic, body: car1 })).status).toBe(401);
    expect((await callApi(clientDatastreamsRoute.GET, "GET", { basic })).status).toBe(401);

    const doc = (await (await openapiRoute.GET()).json()) as {
      paths: Record<string, Record<string, { security: Record<string, unknown>[] }>>;
    };
    expect(doc.paths["/client/register"]?.post?.security).toEqual([{ clientBasic: [] }]);
    expect(doc.paths["/client/datastreams"]?.get?.security).toEqual([{ clientBasic: [] }]);
  });
});

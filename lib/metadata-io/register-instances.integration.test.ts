import { describe, expect, it } from "vitest";
import { seedClient, seedSystem } from "@/test/seed";
import { authenticateClient } from "../clients/authenticate-client";
import { db } from "../db/client";
import { registerInstances } from "./register-instances";

const instances = {
  Things: { car: { name: "Main" } },
  Sensors: { gps: { name: "GPS" } },
  Datastreams: {
    lat: {
      name: "Latitude",
      observationType: "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
      unitOfMeasurement: { name: "DegreeAngle", symbol: "deg", definition: "" },
      Thing: "car",
      Sensor: "gps",
    },
  },
};

describe("registerInstances", () => {
  it("imports into the calling client's own system and answers the document's datastreams", async () => {
    const seeded = await seedClient();
    const actor = await authenticateClient(seeded.client.principal, seeded.secret);
    if (!actor) throw new Error("client did not authenticate");
    const result = await registerInstances({ actor, source: instances });
    expect(result).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      datastreams: [
        {
          name: "Latitude",
          fullName: `${seeded.system.name}.Main.Latitude`,
          observationType: "Measurement",
          unit: { name: "DegreeAngle", symbol: "deg", definition: "" },
          resultSchema: null,
          retentionMs: seeded.system.retentionDays * 86_400_000,
        },
      ],
      datastreamKeys: { lat: `${seeded.system.name}.Main.Latitude` },
    });
    expect(await db.datastream.count({ where: { systemId: seeded.system.id } })).toBe(1);
  });

  it("is for client applications only", async () => {
    const { admin } = await seedSystem();
    await expect(registerInstances({ actor: admin.actor, source: instances })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

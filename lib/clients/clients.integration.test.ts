import { describe, expect, it } from "vitest";
import { seedClient, seedMember, seedSystem } from "@/test/seed";
import { db } from "../db/client";
import { authenticateClient } from "./authenticate-client";
import { openCredential } from "./credential-material";
import { getClient } from "./get-client";
import { registerClient } from "./register-client";
import { revokeClient } from "./revoke-client";
import { rotateClientSecret } from "./rotate-client-secret";

describe("client applications", () => {
  it("get a secret shown once, stored only as a hash, with sealed SCRAM material for the reconciler", async () => {
    const { system, client, secret } = await seedClient();
    expect(client.principal).toBe(`${system.name}.${client.name}`);
    expect(secret).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    expect(client).not.toHaveProperty("secretHash");
    expect(client).not.toHaveProperty("pendingCredential");
    const row = await db.client.findUniqueOrThrow({
      where: { id: client.id },
      omit: { secretHash: false, pendingCredential: false },
    });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    const material = openCredential(row.pendingCredential ?? new Uint8Array());
    expect(material.saltedPassword).toHaveLength(64);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: client.id, action: "client.register" } });
    expect(JSON.stringify(audit)).not.toMatch(/secretHash|rcs_/);
  });

  it("authenticate to the API with principal and secret until revoked; rotation replaces the secret", async () => {
    const { admin, client, secret } = await seedClient();
    expect(await authenticateClient(client.principal, secret)).toMatchObject({ type: "client", clientId: client.id });
    expect(await authenticateClient(client.principal, `${secret}x`)).toBeNull();

    const rotated = await rotateClientSecret({ actor: admin.actor, clientId: client.id });
    expect(rotated.client.secretVersion).toBe(2);
    expect(await authenticateClient(client.principal, secret)).toBeNull();
    expect(await authenticateClient(client.principal, rotated.secret)).not.toBeNull();

    await revokeClient({ actor: admin.actor, clientId: client.id });
    expect(await authenticateClient(client.principal, rotated.secret)).toBeNull();
    await expect(revokeClient({ actor: admin.actor, clientId: client.id })).rejects.toMatchObject({ code: "conflict" });
    const row = await db.client.findUniqueOrThrow({ where: { id: client.id }, omit: { pendingCredential: false } });
    expect(row).toMatchObject({ status: "revoked", pendingCredential: null });
  });

  it("are managed by admins; engineers and auditors read them; other companies cannot see them", async () => {
    const seeded = await seedSystem();
    const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
    const operator = await seedMember(seeded.company.id, seeded.admin, "operator");
    const other = await seedSystem();
    await expect(
      registerClient({ actor: engineer.actor, systemId: seeded.system.id, input: { name: "x" } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    const { client } = await registerClient({
      actor: seeded.admin.actor,
      systemId: seeded.system.id,
      input: { name: "car_1" },
    });
    expect((await getClient({ actor: engineer.actor, clientId: client.id })).name).toBe("car_1");
    await expect(getClient({ actor: operator.actor, clientId: client.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getClient({ actor: other.admin.actor, clientId: client.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      registerClient({ actor: seeded.admin.actor, systemId: seeded.system.id, input: { name: "car_1" } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      registerClient({ actor: seeded.admin.actor, systemId: seeded.system.id, input: { name: "car.1" } }),
    ).rejects.toMatchObject({
      code: "validation",
    });
  });
});

import { describe, expect, it } from "vitest";
import { seedUser, uniq } from "@/test/seed";
import { systemActor } from "../authz/actor";
import { db } from "../db/client";
import { createCompany } from "./create-company";
import { listMyCompanies } from "./list-my-companies";

describe("createCompany", () => {
  it("makes the creator its admin and records who did it", async () => {
    const user = await seedUser();
    const input = { domain: "cz", enterprise: uniq("icecars-"), description: "Cars" };
    const company = await createCompany({ actor: user.actor, input });
    const mine = await listMyCompanies({ userId: user.id });
    expect(mine).toEqual([expect.objectContaining({ id: company.id, role: "admin", domain: "cz" })]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { companyId: company.id, action: "company.create" } });
    expect(audit).toMatchObject({ actorType: "user", actorLabel: user.email, targetLabel: `cz.${input.enterprise}` });
  });

  it("refuses a taken name, a broken name, and a non-user actor", async () => {
    const user = await seedUser();
    const input = { domain: "at", enterprise: uniq("datahouse-") };
    await createCompany({ actor: user.actor, input });
    await expect(createCompany({ actor: (await seedUser()).actor, input })).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createCompany({ actor: user.actor, input: { domain: "at", enterprise: "data.house" } }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { enterprise: [expect.stringContaining("letters A–Z a–z, digits 0–9 and '-' only")] },
    });
    await expect(
      createCompany({ actor: systemActor("test"), input: { domain: "at", enterprise: uniq("x") } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("lists only the user's own companies", async () => {
    const [a, b] = [await seedUser(), await seedUser()];
    await createCompany({ actor: a.actor, input: { domain: "is", enterprise: uniq("iceland-") } });
    expect(await listMyCompanies({ userId: b.id })).toEqual([]);
  });
});

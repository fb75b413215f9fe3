import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { seedStreamCompany } from "@/test/stream-app-world";
import { answerGrant } from "./answer-grant";
import { getGrant } from "./get-grant";
import { listGrants } from "./list-grants";
import { offerGrant } from "./offer-grant";
import { revokeGrant } from "./revoke-grant";

async function refusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, fields: error.fieldErrors ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("grants: bad input and the life of a grant", () => {
  it("refuses a grant to nobody, to oneself, to another company's system, with a bad pattern or condition", async () => {
    const source = await seedStreamCompany(1);
    const receiver = await seedStreamCompany(1);
    const third = await seedStreamCompany(1);
    const [system] = source.systems as [(typeof source.systems)[0]];
    const to = `${receiver.company.domain}.${receiver.company.enterprise}`;
    const offer = (input: Parameters<typeof offerGrant>[0]["input"]) =>
      refusal(() => offerGrant({ actor: source.engineer.actor, systemId: system.id, input }));
    expect(await offer({ targetCompany: "no.such-company" })).toMatchObject({
      code: "validation",
      fields: { targetCompany: expect.any(Array) },
    });
    expect(await offer({ targetCompany: `${source.company.domain}.${source.company.enterprise}` })).toMatchObject({
      code: "validation",
      message: expect.stringMatching(/another company/),
    });
    expect(await offer({ targetCompany: to, targetSystem: third.systems[0]?.name })).toMatchObject({
      code: "validation",
      fields: { targetSystem: expect.any(Array) },
    });
    expect(await offer({ targetCompany: to, datastreams: "Main" })).toMatchObject({
      fields: { datastreams: expect.any(Array) },
    });
    expect(await offer({ targetCompany: to, filter: "temperature > 1" })).toMatchObject({
      code: "validation",
      fields: { filter: [expect.stringMatching(/^at 1:\d+: /)] },
    });
    expect(await offer({ targetCompany: to, endsAt: new Date(Date.now() - 1000).toISOString() })).toMatchObject({
      fields: { endsAt: expect.any(Array) },
    });
  });

  it("is declined once, cannot be answered twice, is listed on both sides, and is revoked only while it stands", async () => {
    const source = await seedStreamCompany(1);
    const receiver = await seedStreamCompany(1);
    const [system] = source.systems as [(typeof source.systems)[0]];
    const grant = await offerGrant({
      actor: source.admin.actor,
      systemId: system.id,
      input: { targetCompany: `${receiver.company.domain}.${receiver.company.enterprise}`, datastreams: "Main.Status" },
    });
    // The source may not answer its own offer; a stranger does not see it.
    expect(
      await refusal(() => answerGrant({ actor: source.admin.actor, grantId: grant.id, input: { accept: true } })),
    ).toMatchObject({ code: "forbidden" });
    const stranger = await seedStreamCompany(0);
    expect(await refusal(() => getGrant({ actor: stranger.admin.actor, grantId: grant.id }))).toMatchObject({
      code: "not_found",
    });
    expect(
      await refusal(() => answerGrant({ actor: receiver.admin.actor, grantId: grant.id, input: {} })),
    ).toMatchObject({
      code: "validation",
      fields: { accept: expect.any(Array) },
    });
    const declined = await answerGrant({ actor: receiver.admin.actor, grantId: grant.id, input: { accept: false } });
    expect(declined.state).toBe("declined");
    expect(
      await refusal(() => answerGrant({ actor: receiver.admin.actor, grantId: grant.id, input: { accept: true } })),
    ).toMatchObject({ code: "conflict" });
    expect(await refusal(() => revokeGrant({ actor: source.admin.actor, grantId: grant.id }))).toMatchObject({
      code: "conflict",
    });
    const offered = await listGrants({
      actor: source.engineer.actor,
      companyId: source.company.id,
      query: { side: "offered" },
    });
    const received = await listGrants({
      actor: receiver.engineer.actor,
      companyId: receiver.company.id,
      query: { state: "declined" },
    });
    expect(offered.items.map((g) => g.id)).toEqual([grant.id]);
    expect(received.items.map((g) => [g.id, g.side])).toEqual([[grant.id, "received"]]);
    expect(
      await refusal(() =>
        listGrants({ actor: source.admin.actor, companyId: source.company.id, query: { side: "mine" } }),
      ),
    ).toMatchObject({
      code: "validation",
    });
  });
});

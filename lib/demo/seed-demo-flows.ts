import "server-only";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { answerGrant } from "../grants/answer-grant";
import { offerGrant } from "../grants/offer-grant";
import { createStreamApp } from "../stream-apps/create-stream-app";
import { deployStreamApp } from "../stream-apps/deploy-stream-app";
import { demoApps, demoGrants } from "./demo-world";

/**
 * The demo's data flows, idempotently: each grant offered by its source company's admin and accepted by the
 * receiver's (unless one is already offered or in force), then each stream app created and deployed (an app that
 * exists is left as it is, even stopped). `admins` maps a company name to its admin.
 */
export async function seedDemoFlows(admins: Map<string, Actor>): Promise<string[]> {
  const created: string[] = [];
  const admin = (company: string) => {
    const a = admins.get(company);
    if (!a) throw new Error(`no demo admin for ${company}`);
    return a;
  };
  for (const g of demoGrants) {
    const source = await db.system.findUniqueOrThrow({ where: { name: g.from } });
    const [domain = "", enterprise = ""] = g.to.split(".");
    const target = await db.company.findUniqueOrThrow({ where: { domain_enterprise: { domain, enterprise } } });
    const existing = await db.grant.findFirst({
      where: {
        sourceSystemId: source.id,
        targetCompanyId: target.id,
        datastreams: g.datastreams,
        status: { in: ["offered", "accepted"] },
        OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }],
      },
    });
    let grantId = existing?.id;
    if (!existing) {
      const sourceCompany = g.from.split(".").slice(0, 2).join(".");
      const offered = await offerGrant({
        actor: admin(sourceCompany),
        systemId: source.id,
        input: {
          targetCompany: g.to,
          targetSystem: g.toSystem ?? "",
          datastreams: g.datastreams,
          description: g.description,
        },
      });
      grantId = offered.id;
      created.push(`grant ${g.from}.${g.datastreams} → ${g.toSystem ?? g.to}`);
    }
    if (grantId && existing?.status !== "accepted") {
      await answerGrant({ actor: admin(g.to), grantId, input: { accept: true } });
    }
  }
  for (const a of demoApps) {
    const [domain = "", enterprise = ""] = a.company.split(".");
    const company = await db.company.findUniqueOrThrow({ where: { domain_enterprise: { domain, enterprise } } });
    if (await db.streamApp.findUnique({ where: { companyId_name: { companyId: company.id, name: a.name } } })) continue;
    const target = await db.system.findUniqueOrThrow({ where: { name: a.target } });
    const { app } = await createStreamApp({
      actor: admin(a.company),
      companyId: company.id,
      input: a.join
        ? { name: a.name, description: a.description, kind: "join", targetSystemId: target.id, spec: a.join }
        : { name: a.name, description: a.description, targetSystemId: target.id, query: a.query },
    });
    await deployStreamApp({ actor: admin(a.company), appId: app.id });
    created.push(`stream app ${a.company}.${a.name}`);
  }
  return created;
}

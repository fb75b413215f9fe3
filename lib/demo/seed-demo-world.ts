import "server-only";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../authz/actor";
import { registerClient } from "../clients/register-client";
import { rotateClientSecret } from "../clients/rotate-client-secret";
import { createCompany } from "../companies/create-company";
import { db } from "../db/client";
import { answerInvitation } from "../members/answer-invitation";
import { inviteMember } from "../members/invite-member";
import { companyName, systemName } from "../names";
import { createSystem } from "../systems/create-system";
import { clientPrincipal } from "../topology/principals";
import { signUp } from "../users/sign-up";
import { ensureDemoDashboard, importDemoInstances } from "./demo-dashboards";
import { demoCompanies, demoPassword, demoRoles, demoUserEmail } from "./demo-world";
import { seedDemoFlows } from "./seed-demo-flows";

export interface DemoSeedOptions {
  /** Where each client's SDK configuration is kept, as `<principal>.json` (mode 600). */
  credentialsDir: string;
  consoleUrl: string;
  bootstrapServers: string;
}

async function ensureUser(email: string, name: string, password: string): Promise<Actor> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  const user = existing ?? (await signUp({ name, email, password }));
  return { type: "user", userId: user.id, label: user.email };
}

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Seeds the reference demo world through the domain operations, idempotently. Rhei shows a client's secret once, so
 * the simulators' credentials are kept in `credentialsDir`; a client whose file is gone gets a rotated secret. Then
 * the demo's grants (offered and accepted) and stream apps (created and deployed): a worker runs them.
 * Returns what it created and the demo companies' ids.
 */
export async function seedDemoWorld(options: DemoSeedOptions) {
  const created: string[] = [];
  const companyIds: string[] = [];
  const admins = new Map<string, Actor>();
  const dashboards: { admin: Actor; companyId: string; name: string }[] = [];
  await mkdir(options.credentialsDir, { recursive: true, mode: 0o700 });
  for (const demo of demoCompanies) {
    const actors = new Map<string, Actor>();
    for (const role of demoRoles) {
      actors.set(
        role,
        await ensureUser(demoUserEmail(demo, role), `${title(demo.enterprise)} ${title(role)}`, demoPassword(role)),
      );
    }
    const admin = actors.get("admin") as Actor;
    let company = await db.company.findUnique({
      where: { domain_enterprise: { domain: demo.domain, enterprise: demo.enterprise } },
    });
    if (!company) {
      company = await createCompany({
        actor: admin,
        input: { domain: demo.domain, enterprise: demo.enterprise, description: demo.description },
      });
      created.push(`company ${companyName(company)}`);
    }
    companyIds.push(company.id);
    admins.set(companyName(company), admin);
    for (const role of demoRoles) {
      const actor = actors.get(role) as Actor;
      if (actor.type !== "user") continue;
      const member = await db.membership.findUnique({
        where: { userId_companyId: { userId: actor.userId, companyId: company.id } },
      });
      if (!member) {
        const invitation = await inviteMember({
          actor: admin,
          companyId: company.id,
          input: { email: actor.label, role },
        });
        await answerInvitation({ actor, invitationId: invitation.id, accept: true });
      }
    }
    for (const s of demo.systems) {
      const name = systemName(company, s.workcenter, s.station);
      let system = await db.system.findUnique({ where: { name } });
      if (!system) {
        system = await createSystem({
          actor: admin,
          companyId: company.id,
          input: { workcenter: s.workcenter, station: s.station, description: s.description },
        });
        created.push(`system ${name}`);
      }
      for (const c of s.clients) {
        if (c.instances) await importDemoInstances(admin, system.id, c.instances);
        const principal = clientPrincipal(name, c.name);
        const file = path.join(options.credentialsDir, `${principal}.json`);
        const existing = await db.client.findUnique({ where: { principal }, select: { id: true, status: true } });
        let secret: string | undefined;
        if (!existing) {
          secret = (
            await registerClient({
              actor: admin,
              systemId: system.id,
              input: { name: c.name, description: c.description },
            })
          ).secret;
          created.push(`client ${principal}`);
        } else if (!existsSync(file) || existing.status !== "active") {
          secret = (await rotateClientSecret({ actor: admin, clientId: existing.id })).secret;
          created.push(`new secret for ${principal}`);
        }
        if (secret) {
          const config = {
            console: options.consoleUrl,
            bootstrapServers: options.bootstrapServers,
            system: name,
            client: c.name,
            secret,
          };
          await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
        }
      }
    }
    dashboards.push({ admin, companyId: company.id, name: companyName(company) });
  }
  // The grants and stream apps that carry data between the systems, once every system's datastreams exist.
  created.push(...(await seedDemoFlows(admins)));
  // The dashboards last: they show datastreams the apps register (the join's output).
  for (const d of dashboards) {
    if (await ensureDemoDashboard(d.admin, d.companyId, d.name)) created.push(`dashboard of ${d.name}`);
  }
  return { created, companyIds };
}

// `npm run demo` step: seeds the reference platform's demo world (lib/demo/demo-world.ts) through the domain
// operations, idempotently. Client secrets are shown once by Rhei, so the seed keeps the simulators' credentials in
// .data/demo/clients/<principal>.json (mode 600, outside git); a client whose file is gone gets a rotated secret.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../lib/authz/actor";
import { registerClient } from "../lib/clients/register-client";
import { rotateClientSecret } from "../lib/clients/rotate-client-secret";
import { createCompany } from "../lib/companies/create-company";
import { db } from "../lib/db/client";
import { demoCompanies, demoPassword, demoRoles, demoUserEmail } from "../lib/demo/demo-world";
import { env } from "../lib/env";
import { clientBootstrapServers } from "../lib/kafka/console-connection";
import { addMember } from "../lib/members/add-member";
import { companyName, systemName } from "../lib/names";
import { createSystem } from "../lib/systems/create-system";
import { signUp } from "../lib/users/sign-up";

const dataDir = process.env.RHEI_DATA ?? path.join(process.cwd(), ".data/demo");
const credentialsDir = path.join(dataDir, "clients");

async function ensureUser(email: string, name: string, password: string): Promise<Actor> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  const user = existing ?? (await signUp({ name, email, password }));
  return { type: "user", userId: user.id, label: user.email };
}

async function writeCredentials(principal: string, config: Record<string, string>) {
  await mkdir(credentialsDir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(credentialsDir, `${principal}.json`), `${JSON.stringify(config, null, 2)}\n`, {
    mode: 0o600,
  });
}

const created: string[] = [];
for (const demo of demoCompanies) {
  const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
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
  for (const role of demoRoles) {
    const actor = actors.get(role) as Actor;
    if (actor.type !== "user") continue;
    const member = await db.membership.findUnique({
      where: { userId_companyId: { userId: actor.userId, companyId: company.id } },
    });
    if (!member) await addMember({ actor: admin, companyId: company.id, input: { email: actor.label, role } });
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
      const principal = `${name}.${c.name}`;
      const file = path.join(credentialsDir, `${principal}.json`);
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
        await writeCredentials(principal, {
          console: new URL(env.NEXTAUTH_URL).origin,
          bootstrapServers: clientBootstrapServers(),
          system: name,
          client: c.name,
          secret,
        });
      }
    }
  }
}

console.log(created.length ? `  seeded: ${created.join(", ")}` : "  demo world already seeded");
console.log(`  users: <role>@<enterprise>.example (icecars, iceland, datahouse), password rhei-demo-<role>`);
process.exit(0);

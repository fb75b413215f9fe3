// Seed helpers: each test makes its own users, companies and systems with random names, so tests share nothing
// and nothing needs truncating. They go through the domain operations, as a user would.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz/actor";
import type { RoleName } from "@/lib/authz/permissions";
import { registerClient } from "@/lib/clients/register-client";
import { createCompany } from "@/lib/companies/create-company";
import { createDatastream } from "@/lib/datastreams/create-datastream";
import { answerInvitation } from "@/lib/members/answer-invitation";
import { inviteMember } from "@/lib/members/invite-member";
import { createObservedProperty } from "@/lib/observed-properties/create-observed-property";
import { createSensor } from "@/lib/sensors/create-sensor";
import { createSystem } from "@/lib/systems/create-system";
import { createThing } from "@/lib/things/create-thing";
import { signUp } from "@/lib/users/sign-up";

export const uniq = (prefix = "t") => `${prefix}${randomBytes(5).toString("hex")}`;

export const TEST_PASSWORD = "correct horse battery";

export type SeededUser = Awaited<ReturnType<typeof seedUser>>;

export async function seedUser(name = "Test User") {
  const user = await signUp({ name, email: `${uniq("u")}@example.test`, password: TEST_PASSWORD });
  const actor: Actor = { type: "user", userId: user.id, label: user.email };
  return { ...user, actor };
}

export async function seedCompany(owner?: SeededUser) {
  const admin = owner ?? (await seedUser("Company Admin"));
  const company = await createCompany({ actor: admin.actor, input: { domain: uniq("d"), enterprise: uniq("e") } });
  return { company, admin };
}

/** Puts an existing user into the company with `role`: the admin invites, the user accepts. */
export async function joinCompany(
  admin: Actor,
  companyId: string,
  user: { email: string; actor: Actor },
  role: RoleName,
) {
  const invitation = await inviteMember({ actor: admin, companyId, input: { email: user.email, role } });
  await answerInvitation({ actor: user.actor, invitationId: invitation.id, accept: true });
}

/** A new user with `role` in the company, invited by its admin and accepted. */
export async function seedMember(companyId: string, admin: SeededUser, role: RoleName) {
  const user = await seedUser(`A ${role}`);
  await joinCompany(admin.actor, companyId, user, role);
  return user;
}

export async function seedSystem(seeded?: Awaited<ReturnType<typeof seedCompany>>) {
  const { company, admin } = seeded ?? (await seedCompany());
  const system = await createSystem({
    actor: admin.actor,
    companyId: company.id,
    input: { workcenter: uniq("wc"), station: uniq("st"), partitions: 2 },
  });
  return { company, admin, system };
}

export async function seedClient(seeded?: Awaited<ReturnType<typeof seedSystem>>) {
  const s = seeded ?? (await seedSystem());
  const { client, secret } = await registerClient({
    actor: s.admin.actor,
    systemId: s.system.id,
    input: { name: uniq("c") },
  });
  return { ...s, client, secret };
}

/** A personal API token of the user, for calling the REST API as them. */
export async function seedToken(user: SeededUser) {
  const { createApiToken } = await import("@/lib/api-tokens/create-api-token");
  return (await createApiToken({ actor: user.actor, input: { name: uniq("token") } })).token;
}

/** A system with one thing (metadata tests). */
export async function seedThing(seeded?: Awaited<ReturnType<typeof seedSystem>>) {
  const s = seeded ?? (await seedSystem());
  const thing = await createThing({
    actor: s.admin.actor,
    systemId: s.system.id,
    input: { name: uniq("thing"), description: "seeded" },
  });
  return { ...s, thing };
}

/** A Measurement datastream on a new thing, with a sensor and an observed property. */
export async function seedDatastream(seeded?: Awaited<ReturnType<typeof seedSystem>>) {
  const s = await seedThing(seeded);
  const sensor = await createSensor({ actor: s.admin.actor, systemId: s.system.id, input: { name: uniq("sensor") } });
  const observedProperty = await createObservedProperty({
    actor: s.admin.actor,
    systemId: s.system.id,
    input: { name: uniq("property") },
  });
  const datastream = await createDatastream({
    actor: s.admin.actor,
    systemId: s.system.id,
    input: {
      thingId: s.thing.id,
      sensorId: sensor.id,
      observedPropertyId: observedProperty.id,
      name: uniq("ds"),
      observationType: "Measurement",
      unit: { name: "DegreeCelsius", symbol: "degC", definition: "" },
    },
  });
  return { ...s, sensor, observedProperty, datastream };
}

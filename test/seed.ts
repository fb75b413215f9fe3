// Seed helpers: each test makes its own users and companies with random names, so tests share nothing and
// nothing needs truncating.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz/actor";
import { createCompany } from "@/lib/companies/create-company";
import { signUp } from "@/lib/users/sign-up";

export const uniq = (prefix = "t") => `${prefix}${randomBytes(5).toString("hex")}`;

export const TEST_PASSWORD = "correct horse battery";

export async function seedUser(name = "Test User") {
  const user = await signUp({ name, email: `${uniq("u")}@example.test`, password: TEST_PASSWORD });
  const actor: Actor = { type: "user", userId: user.id, label: user.email };
  return { ...user, actor };
}

export async function seedCompany(owner?: Awaited<ReturnType<typeof seedUser>>) {
  const admin = owner ?? (await seedUser("Company Admin"));
  const company = await createCompany({ actor: admin.actor, input: { domain: uniq("d"), enterprise: uniq("e") } });
  return { company, admin };
}

// The authorization matrix for every metadata operation: each role in the system's own company (allowed exactly
// when the role table allows the action, else forbidden), any role in another company (not found), and client
// applications (their own system: allowed; another system of the same company: not found).
import { beforeAll, describe, expect, it } from "vitest";
import { metadataOperations, seedMetadataWorld } from "@/test/metadata-operations";
import { joinCompany, type SeededUser, seedClient, seedCompany, seedSystem, seedUser } from "@/test/seed";
import type { Actor } from "../authz/actor";
import { type RoleName, roleAllows, roles } from "../authz/permissions";
import { authenticateClient } from "../clients/authenticate-client";
import { isAppError } from "../errors";

async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "allowed";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

let owner: SeededUser;
const members = new Map<RoleName, SeededUser>();

/** A fresh system with one of each metadata object, so allowed deletions disturb no other case. */
async function world() {
  const seeded = await seedSystem(await seedCompany(owner));
  return { ...seeded, metadata: await seedMetadataWorld(owner.actor, seeded.system) };
}

describe("metadata authorization matrix", () => {
  beforeAll(async () => {
    owner = await seedUser("Metadata owner");
    for (const role of roles) members.set(role, await seedUser(`Metadata ${role}`));
  });

  for (const op of metadataOperations) {
    it(`${op.name} (${op.action}): per role in the own company, not_found in another`, async () => {
      const own = await world();
      // A company none of the members belongs to: whatever their role, its objects do not exist for them.
      const other = await world();
      for (const role of roles) {
        const user = members.get(role) as SeededUser;
        await joinCompany(owner.actor, own.company.id, user, role);
      }
      for (const role of roles) {
        const user = members.get(role) as SeededUser;
        const expected = roleAllows(role, op.action) ? "allowed" : "forbidden";
        // Each allowed write gets a fresh world, so that an earlier role's deletion does not make it "not found".
        const target = expected === "allowed" && op.action === "metadata.write" ? await world() : own;
        if (target !== own) {
          await joinCompany(owner.actor, target.company.id, user, role);
        }
        expect(await outcome(() => op.run(user.actor, target.metadata)), `${role} in own company`).toBe(expected);
        expect(await outcome(() => op.run(user.actor, other.metadata)), `${role} elsewhere`).toBe("not_found");
      }
    });
  }

  it("lets a client application use every metadata operation on its own system only", async () => {
    for (const op of metadataOperations) {
      const own = await world();
      const { client, secret } = await seedClient(own);
      const actor = (await authenticateClient(client.principal, secret)) as Actor;
      expect(await outcome(() => op.run(actor, own.metadata)), `${op.name} own system`).toBe("allowed");
      const sibling = await seedSystem({ company: own.company, admin: owner });
      const siblingWorld = await seedMetadataWorld(owner.actor, sibling.system);
      expect(await outcome(() => op.run(actor, siblingWorld)), `${op.name} sibling system`).toBe("not_found");
    }
  }, 180_000);
});

import { describe, expect, it } from "vitest";
import { seedCompany, seedMember, seedSystem, seedUser } from "@/test/seed";
import { deleteCompany } from "../companies/delete-company";
import { deleteSystem } from "../systems/delete-system";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

describe("members and roles", () => {
  it("admins add existing users by email and change their roles", async () => {
    const { company, admin } = await seedCompany();
    const user = await seedUser();
    await addMember({
      actor: admin.actor,
      companyId: company.id,
      input: { email: user.email.toUpperCase(), role: "auditor" },
    });
    await changeMemberRole({ actor: admin.actor, companyId: company.id, userId: user.id, input: { role: "engineer" } });
    const members = await listMembers({ actor: admin.actor, companyId: company.id, query: { sort: "role" } });
    expect(members.items.map((m) => [m.user.email, m.role])).toEqual([
      [admin.email, "admin"],
      [user.email, "engineer"],
    ]);
    await expect(
      addMember({
        actor: admin.actor,
        companyId: company.id,
        input: { email: "nobody@example.test", role: "operator" },
      }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { email: ["No account with this email"] } });
    await expect(
      addMember({ actor: admin.actor, companyId: company.id, input: { email: user.email, role: "auditor" } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      addMember({ actor: admin.actor, companyId: company.id, input: { email: user.email, role: "owner" as never } }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("the last admin can neither leave nor be demoted, a second admin can", async () => {
    const { company, admin } = await seedCompany();
    await expect(
      changeMemberRole({ actor: admin.actor, companyId: company.id, userId: admin.id, input: { role: "engineer" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember({ actor: admin.actor, companyId: company.id, userId: admin.id })).rejects.toMatchObject({
      code: "conflict",
    });
    const second = await seedMember(company.id, admin, "admin");
    await removeMember({ actor: admin.actor, companyId: company.id, userId: admin.id });
    await expect(
      changeMemberRole({ actor: second.actor, companyId: company.id, userId: second.id, input: { role: "auditor" } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("non-admins cannot manage members but may leave; outsiders see nothing", async () => {
    const { company, admin } = await seedCompany();
    const engineer = await seedMember(company.id, admin, "engineer");
    const outsider = await seedUser();
    await expect(
      addMember({ actor: engineer.actor, companyId: company.id, input: { email: outsider.email, role: "admin" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listMembers({ actor: engineer.actor, companyId: company.id, query: {} })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listMembers({ actor: outsider.actor, companyId: company.id, query: {} })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      removeMember({ actor: outsider.actor, companyId: company.id, userId: admin.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await removeMember({ actor: engineer.actor, companyId: company.id, userId: engineer.id });
  });

  it("a company is deleted only when it has no systems", async () => {
    const seeded = await seedSystem();
    await expect(deleteCompany({ actor: seeded.admin.actor, companyId: seeded.company.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await deleteSystem({ actor: seeded.admin.actor, systemId: seeded.system.id });
    await deleteCompany({ actor: seeded.admin.actor, companyId: seeded.company.id });
    await expect(
      listMembers({ actor: seeded.admin.actor, companyId: seeded.company.id, query: {} }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

import { describe, expect, it } from "vitest";
import { seedCompany, seedMember, seedSystem, seedUser, TEST_PASSWORD, uniq } from "@/test/seed";
import { deleteCompany } from "../companies/delete-company";
import { deleteSystem } from "../systems/delete-system";
import { signUp } from "../users/sign-up";
import { answerInvitation } from "./answer-invitation";
import { cancelInvitation } from "./cancel-invitation";
import { changeMemberRole } from "./change-member-role";
import { inviteMember } from "./invite-member";
import { listInvitations } from "./list-invitations";
import { listMembers } from "./list-members";
import { listMyInvitations } from "./my-invitations";
import { removeMember } from "./remove-member";

describe("members and roles", () => {
  it("admins invite by email; the invitee joins by accepting, and the role can change", async () => {
    const { company, admin } = await seedCompany();
    const user = await seedUser();
    const invitation = await inviteMember({
      actor: admin.actor,
      companyId: company.id,
      input: { email: user.email.toUpperCase(), role: "auditor" },
    });
    expect(invitation).toMatchObject({ email: user.email, role: "auditor" });
    // Not a member before accepting: nobody is put into a company unasked.
    expect((await listMembers({ actor: admin.actor, companyId: company.id, query: {} })).total).toBe(1);
    expect(await listMyInvitations({ actor: user.actor })).toMatchObject([{ id: invitation.id, role: "auditor" }]);
    await answerInvitation({ actor: user.actor, invitationId: invitation.id, accept: true });
    await changeMemberRole({ actor: admin.actor, companyId: company.id, userId: user.id, input: { role: "engineer" } });
    const members = await listMembers({ actor: admin.actor, companyId: company.id, query: { sort: "role" } });
    expect(members.items.map((m) => [m.user.email, m.role])).toEqual([
      [admin.email, "admin"],
      [user.email, "engineer"],
    ]);
    expect(await listInvitations({ actor: admin.actor, companyId: company.id })).toEqual([]);
    await expect(
      inviteMember({ actor: admin.actor, companyId: company.id, input: { email: user.email, role: "auditor" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      inviteMember({ actor: admin.actor, companyId: company.id, input: { email: user.email, role: "owner" as never } }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("answers an invitation of an unknown address exactly as one of a known address (no enumeration)", async () => {
    const { company, admin } = await seedCompany();
    const known = await seedUser();
    const unknown = `${uniq("nobody")}@example.test`;
    const shape = (i: Awaited<ReturnType<typeof inviteMember>>) => Object.keys(i).sort();
    const a = await inviteMember({
      actor: admin.actor,
      companyId: company.id,
      input: { email: known.email, role: "operator" },
    });
    const b = await inviteMember({
      actor: admin.actor,
      companyId: company.id,
      input: { email: unknown, role: "operator" },
    });
    expect(shape(a)).toEqual(shape(b));
    expect((await listInvitations({ actor: admin.actor, companyId: company.id })).map((i) => i.email).sort()).toEqual(
      [known.email, unknown].sort(),
    );
    // The unknown address signs up later and finds its invitation; nobody else can answer it.
    const later = await signUp({ name: "Later", email: unknown, password: TEST_PASSWORD });
    const laterActor = { type: "user" as const, userId: later.id, label: later.email };
    const mine = await listMyInvitations({ actor: laterActor });
    expect(mine).toHaveLength(1);
    await expect(
      answerInvitation({ actor: known.actor, invitationId: mine[0]?.id ?? "", accept: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    await answerInvitation({ actor: laterActor, invitationId: mine[0]?.id ?? "", accept: false });
    expect((await listMembers({ actor: admin.actor, companyId: company.id, query: {} })).total).toBe(1);
    // Withdrawn invitations cannot be accepted.
    await cancelInvitation({ actor: admin.actor, companyId: company.id, invitationId: a.id });
    await expect(answerInvitation({ actor: known.actor, invitationId: a.id, accept: true })).rejects.toMatchObject({
      code: "not_found",
    });
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
      inviteMember({ actor: engineer.actor, companyId: company.id, input: { email: outsider.email, role: "admin" } }),
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

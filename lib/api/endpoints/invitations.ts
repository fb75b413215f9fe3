import { z } from "zod";
import { roles } from "../../authz/permissions";
import { inviteMemberSchema } from "../../members/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, timestamp } from "../schemas";

const tags = ["Companies"];
const userAuth = ["session", "token"] as const;
const companyParams = z.object({ companyId: idParam });

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(roles),
  createdAt: timestamp,
});

const myInvitationSchema = z.object({
  id: z.uuid(),
  role: z.enum(roles),
  createdAt: timestamp,
  company: z.object({ id: z.uuid(), name: z.string(), description: z.string() }),
});

export const inviteMemberEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies/{companyId}/invitations",
  operationId: "inviteMember",
  summary: "Invite an email address to join with a role (admins)",
  description:
    "The answer is the same whether or not an account uses the address: the invitee joins by accepting, signed " +
    "in as that address (POST /invitations/{invitationId}/accept). Inviting an address again changes the role.",
  tags,
  auth: userAuth,
  params: companyParams,
  body: inviteMemberSchema,
  response: invitationSchema,
  status: 201,
});

export const listInvitationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/invitations",
  operationId: "listInvitations",
  summary: "The company's open invitations (admins and auditors)",
  tags,
  auth: userAuth,
  params: companyParams,
  response: z.object({ items: z.array(invitationSchema) }),
});

export const cancelInvitationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/companies/{companyId}/invitations/{invitationId}",
  operationId: "cancelInvitation",
  summary: "Withdraw an open invitation (admins)",
  tags,
  auth: userAuth,
  params: z.object({ companyId: idParam, invitationId: idParam }),
  status: 204,
});

export const listMyInvitationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/invitations",
  operationId: "listMyInvitations",
  summary: "Invitations waiting for the signed-in user's address",
  tags,
  auth: userAuth,
  response: z.object({ items: z.array(myInvitationSchema) }),
});

const answer = (accept: boolean) =>
  defineEndpoint({
    method: "POST",
    path: `/invitations/{invitationId}/${accept ? "accept" : "decline"}`,
    operationId: accept ? "acceptInvitation" : "declineInvitation",
    summary: accept ? "Join the company with the invitation's role" : "Decline the invitation",
    tags,
    auth: userAuth,
    params: z.object({ invitationId: idParam }),
    response: z.object({ companyId: z.uuid(), company: z.string(), role: z.enum(roles), joined: z.boolean() }),
  });

export const acceptInvitationEndpoint = answer(true);
export const declineInvitationEndpoint = answer(false);

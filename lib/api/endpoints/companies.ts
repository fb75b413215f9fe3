import { z } from "zod";
import { createCompanySchema, updateCompanySchema } from "../../companies/schemas";
import { changeRoleSchema, memberListQuerySchema } from "../../members/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, roleEnum, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Companies"];

export const companySchema = z.object({
  id: z.uuid(),
  domain: z.string(),
  enterprise: z.string(),
  description: z.string(),
  createdAt: timestamp,
  role: roleEnum.describe("The caller's role in the company"),
});

export const memberSchema = z.object({
  role: roleEnum,
  createdAt: timestamp,
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
});

const companyParams = z.object({ companyId: idParam });
const memberParams = z.object({ companyId: idParam, userId: idParam });

export const listCompaniesEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies",
  operationId: "listCompanies",
  summary: "The companies the caller belongs to, with the caller's role",
  tags,
  auth: userAuth,
  response: z.object({ items: z.array(companySchema) }),
});

export const createCompanyEndpoint = defineEndpoint({
  method: "POST",
  path: "/companies",
  operationId: "createCompany",
  summary: "Register a company; the caller becomes its first admin",
  tags,
  auth: userAuth,
  body: createCompanySchema,
  response: companySchema,
  status: 201,
});

export const getCompanyEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}",
  operationId: "getCompany",
  summary: "One company",
  tags,
  auth: userAuth,
  params: companyParams,
  response: companySchema,
});

export const updateCompanyEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/companies/{companyId}",
  operationId: "updateCompany",
  summary: "Change a company's description (its name cannot change)",
  tags,
  auth: userAuth,
  params: companyParams,
  body: updateCompanySchema,
  response: companySchema,
});

export const deleteCompanyEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/companies/{companyId}",
  operationId: "deleteCompany",
  summary: "Delete a company that owns no systems",
  tags,
  auth: userAuth,
  params: companyParams,
  status: 204,
});

export const listMembersEndpoint = defineEndpoint({
  method: "GET",
  path: "/companies/{companyId}/members",
  operationId: "listMembers",
  summary: "Members of a company with their roles",
  tags,
  auth: userAuth,
  params: companyParams,
  query: memberListQuerySchema,
  response: pageSchema(memberSchema),
});

export const changeMemberRoleEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/companies/{companyId}/members/{userId}",
  operationId: "changeMemberRole",
  summary: "Change a member's role (the last admin cannot be demoted)",
  tags,
  auth: userAuth,
  params: memberParams,
  body: changeRoleSchema,
  response: memberSchema,
});

export const removeMemberEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/companies/{companyId}/members/{userId}",
  operationId: "removeMember",
  summary: "Remove a member, or leave (the last admin cannot leave)",
  tags,
  auth: userAuth,
  params: memberParams,
  status: 204,
});

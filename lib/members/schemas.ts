import { z } from "zod";
import { emailSchema } from "../auth/credential-schemas";
import { roles } from "../authz/permissions";
import { listQuerySchema } from "../pagination";

export const roleSchema = z.enum(roles, "Choose admin, engineer, operator or auditor");

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema }).strict();
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const changeRoleSchema = z.object({ role: roleSchema }).strict();

export const memberListQuerySchema = listQuerySchema(["email", "name", "role", "createdAt"], "email");

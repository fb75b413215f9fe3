import { z } from "zod";
import { description, namePart } from "../names";

export const createCompanySchema = z.object({ domain: namePart, enterprise: namePart, description }).strict();
export type CreateCompanyInput = z.input<typeof createCompanySchema>;

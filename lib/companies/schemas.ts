import { z } from "zod";
import { description, namePart } from "../names";

export const createCompanySchema = z.object({ domain: namePart, enterprise: namePart, description }).strict();
export type CreateCompanyInput = z.input<typeof createCompanySchema>;

/** Domain and enterprise name every system and topic of the company: only the description can change. */
export const updateCompanySchema = z.object({ description }).strict();
export type UpdateCompanyInput = z.input<typeof updateCompanySchema>;

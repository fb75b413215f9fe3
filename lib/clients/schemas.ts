import { z } from "zod";
import { clientName, description } from "../names";
import { listQuerySchema } from "../pagination";

export const registerClientSchema = z.object({ name: clientName, description }).strict();
export type RegisterClientInput = z.input<typeof registerClientSchema>;

export const updateClientSchema = z.object({ description }).strict();
export type UpdateClientInput = z.input<typeof updateClientSchema>;

export const clientListQuerySchema = listQuerySchema(["name", "createdAt", "status"], "name");

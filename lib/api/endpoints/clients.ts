import { z } from "zod";
import { clientListQuerySchema, registerClientSchema, updateClientSchema } from "../../clients/schemas";
import { defineEndpoint } from "../define-endpoint";
import { idParam, pageSchema, timestamp } from "../schemas";

const userAuth = ["session", "token"] as const;
const tags = ["Clients"];

export const clientSchema = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  name: z.string(),
  description: z.string(),
  principal: z.string().describe("The client's Kafka user: `<system>.<client>`"),
  consumerGroup: z.string().describe("The one consumer group the client may use (its principal)"),
  status: z.enum(["active", "revoked"]),
  secretVersion: z.number().int().describe("Bumped at every rotation"),
  createdAt: timestamp,
  updatedAt: timestamp,
  rotatedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

const sdkConfigSchema = z
  .object({
    console: z.string(),
    bootstrapServers: z.string(),
    system: z.string(),
    client: z.string(),
    secret: z.string(),
  })
  .describe("The SDK's configuration (rhei-client.json), secret included");

/** Registration and rotation: the only responses that carry a secret, and only this once. */
export const clientWithSecretSchema = z.object({
  client: clientSchema,
  secret: z.string().describe("Shown this once: Rhei keeps only a hash"),
  config: sdkConfigSchema,
});

const systemParams = z.object({ systemId: idParam });
const clientParams = z.object({ clientId: idParam });

export const listClientsEndpoint = defineEndpoint({
  method: "GET",
  path: "/systems/{systemId}/clients",
  operationId: "listClients",
  summary: "The system's client applications (admins, engineers, auditors)",
  tags,
  auth: userAuth,
  params: systemParams,
  query: clientListQuerySchema,
  response: pageSchema(clientSchema),
});

export const registerClientEndpoint = defineEndpoint({
  method: "POST",
  path: "/systems/{systemId}/clients",
  operationId: "registerClient",
  summary: "Register a client application (admins); the response holds its secret, shown once",
  tags,
  auth: userAuth,
  params: systemParams,
  body: registerClientSchema,
  response: clientWithSecretSchema,
  status: 201,
});

export const getClientEndpoint = defineEndpoint({
  method: "GET",
  path: "/clients/{clientId}",
  operationId: "getClient",
  summary: "One client application",
  tags,
  auth: userAuth,
  params: clientParams,
  response: clientSchema,
});

export const updateClientEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/clients/{clientId}",
  operationId: "updateClient",
  summary: "Change a client's description (admins); its name cannot change",
  tags,
  auth: userAuth,
  params: clientParams,
  body: updateClientSchema,
  response: clientSchema,
});

export const deleteClientEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/clients/{clientId}",
  operationId: "deleteClient",
  summary: "Delete a client application and its Kafka credential and ACLs (admins)",
  tags,
  auth: userAuth,
  params: clientParams,
  status: 204,
});

export const rotateClientSecretEndpoint = defineEndpoint({
  method: "POST",
  path: "/clients/{clientId}/rotate",
  operationId: "rotateClientSecret",
  summary: "Replace the client's secret (admins); on a revoked client, re-issue its access",
  description: "The old secret stops working. The response holds the new secret, shown once.",
  tags,
  auth: userAuth,
  params: clientParams,
  response: clientWithSecretSchema,
});

export const revokeClientEndpoint = defineEndpoint({
  method: "POST",
  path: "/clients/{clientId}/revoke",
  operationId: "revokeClient",
  summary: "Revoke the client's access to the API and Kafka (admins)",
  tags,
  auth: userAuth,
  params: clientParams,
  response: clientSchema,
});

export const callingClientEndpoint = defineEndpoint({
  method: "GET",
  path: "/client",
  operationId: "getCallingClient",
  summary: "Who am I: the calling client application (client credentials only)",
  description: "For the SDK: authenticate with HTTP Basic, the client's principal and secret.",
  tags,
  auth: ["client"],
  response: z.object({
    id: z.uuid(),
    name: z.string(),
    principal: z.string(),
    consumerGroup: z.string(),
    status: z.enum(["active", "revoked"]),
    secretVersion: z.number().int(),
    system: z.object({ id: z.uuid(), name: z.string() }),
  }),
});

/** A client as the API shows it: the row plus its consumer group (which is its principal). */
export function clientView<C extends { principal: string }>(client: C) {
  return { ...client, consumerGroup: client.principal };
}

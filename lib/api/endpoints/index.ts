import type { Endpoint } from "../define-endpoint";
import * as audit from "./audit";
import * as clientRejections from "./client-rejections";
import * as clients from "./clients";
import * as companies from "./companies";
import * as search from "./search";
import * as systems from "./systems";

function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === "object" && value !== null && "operationId" in value && "method" in value;
}

/** Every REST endpoint, for the OpenAPI document. Add each new endpoint module to the list. */
export const allEndpoints: Endpoint[] = [companies, systems, clients, audit, search, clientRejections].flatMap(
  (module) => (Object.values(module) as unknown[]).filter(isEndpoint),
);

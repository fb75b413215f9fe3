import type { Endpoint } from "../define-endpoint";
import * as audit from "./audit";
import * as clientMetadata from "./client-metadata";
import * as clientRejections from "./client-rejections";
import * as clients from "./clients";
import * as companies from "./companies";
import * as datastreams from "./datastreams";
import * as grants from "./grants";
import * as history from "./history";
import * as invitations from "./invitations";
import * as metadata from "./metadata";
import * as observedProperties from "./observed-properties";
import * as rejectedRecords from "./rejected-records";
import * as search from "./search";
import * as sensors from "./sensors";
import * as streamApps from "./stream-apps";
import * as systems from "./systems";
import * as things from "./things";

function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === "object" && value !== null && "operationId" in value && "method" in value;
}

/** Every REST endpoint, for the OpenAPI document. Add each new endpoint module to the list. */
export const allEndpoints: Endpoint[] = [
  companies,
  systems,
  clients,
  things,
  sensors,
  observedProperties,
  datastreams,
  metadata,
  invitations,
  audit,
  search,
  clientRejections,
  clientMetadata,
  rejectedRecords,
  streamApps,
  grants,
  history,
].flatMap((module) => (Object.values(module) as unknown[]).filter(isEndpoint));

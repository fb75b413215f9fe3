import "server-only";
import type { Actor } from "./authz/actor";
import type { Action } from "./authz/permissions";
import { notFound } from "./errors";
import { isId } from "./ids";
import { getSystem } from "./systems/get-system";

/** The system whose metadata (things, sensors, observed properties, datastreams) the actor wants to read or change. */
export async function getMetadataSystem({
  actor,
  systemId,
  action,
}: {
  actor: Actor;
  systemId: string;
  action: Extract<Action, "metadata.read" | "metadata.write">;
}) {
  if (!isId(systemId)) throw notFound("System");
  return getSystem({ actor, systemId, action });
}

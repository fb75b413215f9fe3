import "server-only";
import type { Actor } from "../authz/actor";
import { getClient } from "../clients/get-client";
import { db } from "../db/client";
import { getSystem } from "../systems/get-system";
import { overallStatus } from "./overall-status";
import type { ProvisioningStatus, ResourceType } from "./types";

export interface ResourceStatus {
  type: ResourceType;
  key: string;
  status: ProvisioningStatus;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastReconciledAt: Date | null;
}

export interface ProvisioningSummary {
  status: ProvisioningStatus;
  resources: ResourceStatus[];
  /** Set when the client's credential is gone from the cluster and only a rotation can bring it back. */
  needsRotation: boolean;
}

const select = {
  resourceType: true,
  resourceKey: true,
  status: true,
  lastError: true,
  lastErrorAt: true,
  lastReconciledAt: true,
} as const;

/** Where a system's topics, or a client's credential and ACLs, stand on the cluster. */
export async function getProvisioningStatus(
  options: { actor: Actor; systemId: string } | { actor: Actor; clientId: string },
): Promise<ProvisioningSummary> {
  let rows: {
    resourceType: string;
    resourceKey: string;
    status: ProvisioningStatus;
    lastError: string | null;
    lastErrorAt: Date | null;
    lastReconciledAt: Date | null;
  }[];
  let expected: number;
  if ("systemId" in options) {
    const system = await getSystem({ actor: options.actor, systemId: options.systemId });
    rows = await db.provisioningState.findMany({
      where: { systemId: system.id, resourceType: "topic" },
      select,
      orderBy: { resourceKey: "asc" },
    });
    expected = 3;
  } else {
    const client = await getClient({ actor: options.actor, clientId: options.clientId });
    rows = await db.provisioningState.findMany({
      where: { clientId: client.id, resourceType: { in: ["credential", "acls"] } },
      select,
      orderBy: { resourceType: "asc" },
    });
    expected = 2;
  }
  const resources = rows.map((r) => ({
    type: r.resourceType as ResourceType,
    key: r.resourceKey,
    status: r.status,
    lastError: r.lastError,
    lastErrorAt: r.lastErrorAt,
    lastReconciledAt: r.lastReconciledAt,
  }));
  return {
    status: overallStatus(
      resources.map((r) => r.status),
      expected,
    ),
    resources,
    needsRotation: resources.some(
      (r) => r.type === "credential" && r.status === "error" && /rotate/i.test(r.lastError ?? ""),
    ),
  };
}

import "server-only";
import { recordAuditEvents } from "../audit/record-audit-event";
import { systemActor } from "../authz/actor";
import { db } from "../db/client";
import { type AclBinding, aclKey } from "../kafka/acl-binding";
import { createAcls } from "../kafka/acls";
import type { KafkaAdmin } from "../kafka/admin";
import { upsertScramCredential } from "../kafka/scram-credentials";
import { scramMaterial } from "../kafka/scram-material";
import { createLogger } from "../log";
import { rollupPassword } from "../rollups/rollup-kafka";
import { kafkaPrincipal, ROLLUP_PRINCIPAL } from "../topology/principals";
import type { ObservedCluster } from "./types";

const log = createLogger("provisioning");

/** Principals Rhei runs as besides its own, whose SCRAM users and groups belong to the cluster, not to a company. */
export const SERVICE_PRINCIPALS = [ROLLUP_PRINCIPAL] as const;

/** The rollup job's consumer group, READ (its per-company topic ACLs are resources of each company, layout.ts). */
function rollupGroupAcl(): AclBinding {
  return {
    principal: kafkaPrincipal(ROLLUP_PRINCIPAL),
    host: "*",
    resourceType: "group",
    resourceName: ROLLUP_PRINCIPAL,
    patternType: "literal",
    operation: "read",
    permission: "allow",
  };
}

const shared = globalThis as unknown as { rheiServicePrincipalsSet?: boolean };

/**
 * Makes the cluster hold the rollup job's SCRAM user (its password from rollup-kafka.ts) and its group ACL. The
 * credential is set when missing and once per console process (a changed password takes effect on restart: SCRAM
 * keeps no password to compare). Written to the audit log as rhei:provisioning when it changed something.
 */
export async function ensureServicePrincipals(admin: KafkaAdmin, observed: ObservedCluster): Promise<void> {
  const changes: { action: string; label: string; after: unknown }[] = [];
  try {
    if (!observed.scramUsers.has(ROLLUP_PRINCIPAL) || !shared.rheiServicePrincipalsSet) {
      await upsertScramCredential(admin.config, ROLLUP_PRINCIPAL, await scramMaterial(rollupPassword()));
      admin.countRequest("writes");
      shared.rheiServicePrincipalsSet = true;
      if (!observed.scramUsers.has(ROLLUP_PRINCIPAL)) {
        changes.push({ action: "provisioning.credential.set", label: ROLLUP_PRINCIPAL, after: { service: "rollups" } });
      }
    }
    const group = rollupGroupAcl();
    const have = observed.aclsByPrincipal.get(group.principal) ?? [];
    if (!have.some((b) => aclKey(b) === aclKey(group))) {
      await createAcls(admin, [group]);
      changes.push({
        action: "provisioning.acls.create",
        label: ROLLUP_PRINCIPAL,
        after: { added: [`READ group ${ROLLUP_PRINCIPAL}`] },
      });
    }
  } catch (error) {
    log.warn("could not provision the rollup job's principal; the next pass tries again", {
      error: (error as Error).message,
    });
    return;
  }
  if (changes.length === 0) return;
  await db.$transaction((tx) =>
    recordAuditEvents(
      tx,
      systemActor("provisioning"),
      changes.map((c) => ({
        companyId: null,
        action: c.action,
        target: { type: c.action.includes("credential") ? "kafka-credential" : "kafka-acls", label: c.label },
        after: c.after,
      })),
    ),
  );
}

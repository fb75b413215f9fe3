// kafkajs is CommonJS with a spread in module.exports, which hides these names from Node's ESM named-import
// detection (server.ts and scripts run in plain Node): take them from the default export.
import kafkajs from "kafkajs";
import type {
  AclBinding,
  AclFilter,
  AclOperation,
  AclPatternType,
  AclPermission,
  AclResourceType,
} from "./acl-binding";
import type { KafkaAdmin } from "./admin";
import { KafkaError, toKafkaError } from "./errors";

const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

// kafkajs' numeric enums ↔ Rhei's names. Unknown codes from the broker (e.g. delegation tokens) are skipped
// when reading, so they never reach callers as numbers.
const resourceTypes: Record<AclResourceType, number> = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
  "transactional-id": AclResourceTypes.TRANSACTIONAL_ID,
};
const operations: Record<AclOperation, number> = {
  all: AclOperationTypes.ALL,
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  create: AclOperationTypes.CREATE,
  delete: AclOperationTypes.DELETE,
  alter: AclOperationTypes.ALTER,
  describe: AclOperationTypes.DESCRIBE,
  "cluster-action": AclOperationTypes.CLUSTER_ACTION,
  "describe-configs": AclOperationTypes.DESCRIBE_CONFIGS,
  "alter-configs": AclOperationTypes.ALTER_CONFIGS,
  "idempotent-write": AclOperationTypes.IDEMPOTENT_WRITE,
};
const patternTypes: Record<AclPatternType, number> = {
  literal: ResourcePatternTypes.LITERAL,
  prefixed: ResourcePatternTypes.PREFIXED,
};
const permissions: Record<AclPermission, number> = {
  allow: AclPermissionTypes.ALLOW,
  deny: AclPermissionTypes.DENY,
};

function nameOf<K extends string>(table: Record<K, number>, code: number): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === code);
}

function toKafkajsFilter(f: AclFilter) {
  return {
    resourceType: f.resourceType ? resourceTypes[f.resourceType] : AclResourceTypes.ANY,
    resourceName: f.resourceName,
    resourcePatternType: f.patternType ? patternTypes[f.patternType] : ResourcePatternTypes.ANY,
    principal: f.principal,
    host: f.host,
    operation: f.operation ? operations[f.operation] : AclOperationTypes.ANY,
    permissionType: f.permission ? permissions[f.permission] : AclPermissionTypes.ANY,
  };
}

interface RawAcl {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

function fromKafkajs(raw: RawAcl): AclBinding | undefined {
  const resourceType = nameOf(resourceTypes, raw.resourceType);
  const patternType = nameOf(patternTypes, raw.resourcePatternType);
  const operation = nameOf(operations, raw.operation);
  const permission = nameOf(permissions, raw.permissionType);
  if (!resourceType || !patternType || !operation || !permission) return undefined;
  return {
    principal: raw.principal,
    host: raw.host,
    resourceType,
    resourceName: raw.resourceName,
    patternType,
    operation,
    permission,
  };
}

/** The ACLs that match `filter` (all ACLs of the cluster when empty), in one request. */
export async function describeAcls(admin: KafkaAdmin, filter: AclFilter = {}): Promise<AclBinding[]> {
  try {
    const response = await admin.kafkajs.describeAcls(toKafkajsFilter(filter));
    const out: AclBinding[] = [];
    for (const resource of response.resources) {
      for (const acl of resource.acls) {
        const binding = fromKafkajs({ ...resource, ...acl });
        if (binding) out.push(binding);
      }
    }
    return out;
  } catch (error) {
    throw toKafkaError(error, "describing ACLs");
  }
}

/** Adds the bindings in one request; a binding that exists already is left as it is (Kafka treats it as done). */
export async function createAcls(admin: KafkaAdmin, bindings: AclBinding[]): Promise<void> {
  if (bindings.length === 0) return;
  try {
    await admin.kafkajs.createAcls({
      acl: bindings.map((b) => ({
        resourceType: resourceTypes[b.resourceType],
        resourceName: b.resourceName,
        resourcePatternType: patternTypes[b.patternType],
        principal: b.principal,
        host: b.host,
        operation: operations[b.operation],
        permissionType: permissions[b.permission],
      })),
    });
  } catch (error) {
    throw toKafkaError(error, `creating ${bindings.length} ACL${bindings.length === 1 ? "" : "s"}`);
  }
}

/** Removes every ACL matching any of the filters, in one request; returns what was removed. */
export async function deleteAcls(admin: KafkaAdmin, filters: AclFilter[]): Promise<AclBinding[]> {
  if (filters.length === 0) return [];
  // An empty filter would match every ACL of the cluster: refuse it rather than trust every caller.
  if (filters.some((f) => Object.values(f).every((v) => v === undefined))) {
    throw new KafkaError("other", "refusing to delete ACLs with a filter that matches everything");
  }
  try {
    const response = await admin.kafkajs.deleteAcls({ filters: filters.map(toKafkajsFilter) });
    const deleted: AclBinding[] = [];
    for (const r of response.filterResponses) {
      if (r.errorCode !== 0) throw new KafkaError("other", r.errorMessage ?? `error code ${r.errorCode}`);
      for (const m of r.matchingAcls) {
        const binding = fromKafkajs(m);
        if (binding) deleted.push(binding);
      }
    }
    return deleted;
  } catch (error) {
    throw toKafkaError(error, "deleting ACLs");
  }
}

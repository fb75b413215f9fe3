// ACL bindings in Rhei's words (no client library's enums), so the planner and the UI can compare and show them.
export type AclResourceType = "topic" | "group" | "cluster" | "transactional-id";
export type AclOperation =
  | "all"
  | "read"
  | "write"
  | "create"
  | "delete"
  | "alter"
  | "describe"
  | "cluster-action"
  | "describe-configs"
  | "alter-configs"
  | "idempotent-write";
export type AclPatternType = "literal" | "prefixed";
export type AclPermission = "allow" | "deny";

/** One ACL: `permission` `principal` to `operation` on the resource `resourceName` (matched as `patternType`). */
export interface AclBinding {
  /** `User:<name>`. */
  principal: string;
  /** `*` for any host. */
  host: string;
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
  operation: AclOperation;
  permission: AclPermission;
}

/** What to match when describing or deleting ACLs; an absent field matches anything. */
export interface AclFilter {
  principal?: string;
  host?: string;
  resourceType?: AclResourceType;
  resourceName?: string;
  patternType?: AclPatternType;
  operation?: AclOperation;
  permission?: AclPermission;
}

/** A stable identity for a binding, for set comparisons. */
export function aclKey(b: AclBinding): string {
  return [b.principal, b.host, b.resourceType, b.patternType, b.resourceName, b.operation, b.permission].join("|");
}

/** The filter that matches exactly this binding and nothing else. */
export function exactAclFilter(b: AclBinding): AclFilter {
  return { ...b };
}

export function compareAcls(a: AclBinding, b: AclBinding): number {
  return aclKey(a).localeCompare(aclKey(b));
}

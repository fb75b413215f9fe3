// Who may do what inside a company: the one table every entry point consults through authorize().
// Pure data, so the unit test can print and check the whole matrix.
export const roles = ["admin", "engineer", "operator", "auditor"] as const;
export type RoleName = (typeof roles)[number];

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export const actions = [
  "company.read",
  "company.update",
  "company.delete",
  "member.read",
  "member.manage",
  "system.read",
  "system.create",
  "system.update",
  "system.delete",
  "client.read",
  "client.create",
  "client.update",
  "client.rotate",
  "client.revoke",
  "client.delete",
  "metadata.read",
  "metadata.write",
  "data.read",
  "audit.read",
  "cluster.read",
  "cluster.manage",
] as const;
export type Action = (typeof actions)[number];

const everyone: RoleName[] = ["admin", "engineer", "operator", "auditor"];

const allowed: Record<Action, RoleName[]> = {
  "company.read": everyone,
  "company.update": ["admin"],
  "company.delete": ["admin"],
  "member.read": ["admin", "auditor"],
  "member.manage": ["admin"],
  "system.read": everyone,
  "system.create": ["admin"],
  "system.update": ["admin"],
  "system.delete": ["admin"],
  "client.read": ["admin", "engineer", "auditor"],
  "client.create": ["admin"],
  "client.update": ["admin"],
  "client.rotate": ["admin"],
  "client.revoke": ["admin"],
  "client.delete": ["admin"],
  "metadata.read": everyone,
  "metadata.write": ["admin", "engineer"],
  "data.read": everyone,
  "audit.read": ["admin", "auditor"],
  // Who may reach which topic (ACLs) and what the reconciler did is audit material: auditors read it, never change it.
  "cluster.read": ["admin", "auditor"],
  "cluster.manage": ["admin"],
};

/** Each action as the refusal names it: "Your role (operator) may not read client applications". */
export const actionPhrases: Record<Action, string> = {
  "company.read": "see this company",
  "company.update": "change the company's settings",
  "company.delete": "delete the company",
  "member.read": "see the company's members",
  "member.manage": "manage members",
  "system.read": "see systems",
  "system.create": "create systems",
  "system.update": "change a system's settings",
  "system.delete": "delete systems",
  "client.read": "see client applications",
  "client.create": "register client applications",
  "client.update": "change client applications",
  "client.rotate": "rotate client secrets",
  "client.revoke": "revoke client applications",
  "client.delete": "delete client applications",
  "metadata.read": "read the twin's metadata",
  "metadata.write": "change the twin's metadata",
  "data.read": "read data",
  "audit.read": "read the audit log",
  "cluster.read": "see the cluster",
  "cluster.manage": "manage the cluster",
};

export function roleAllows(role: RoleName, action: Action): boolean {
  return allowed[action].includes(role);
}

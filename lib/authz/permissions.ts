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
  "cluster.read": ["admin"],
  "cluster.manage": ["admin"],
};

export function roleAllows(role: RoleName, action: Action): boolean {
  return allowed[action].includes(role);
}

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
  "topic.browse",
  "audit.read",
  "cluster.read",
  "cluster.manage",
  "dashboard.create",
  "dashboard.manage",
  "alarm.manage",
  "alarm.acknowledge",
  "stream-app.manage",
  "grant.manage",
  "grant.accept",
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
  // A Kafka console's view of a topic's raw messages (every datastream's, rejected ones included): for those who
  // build and run the system.
  "topic.browse": ["admin", "engineer"],
  "audit.read": ["admin", "auditor"],
  // Who may reach which topic (ACLs) and what the reconciler did is audit material: auditors read it, never change it.
  "cluster.read": ["admin", "auditor"],
  "cluster.manage": ["admin"],
  // Operators build the dashboards they watch; their owner and admins change them (dashboard.manage: anyone's).
  "dashboard.create": ["admin", "engineer", "operator"],
  "dashboard.manage": ["admin"],
  "alarm.manage": ["admin", "engineer"],
  // Operators watch and answer alarms; the acknowledgement is in the audit log.
  "alarm.acknowledge": ["admin", "engineer", "operator"],
  "stream-app.manage": ["admin", "engineer"],
  // Offering a company's data to another (and revoking it) is an engineer's or admin's; accepting it, an admin's.
  "grant.manage": ["admin", "engineer"],
  "grant.accept": ["admin"],
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
  "topic.browse": "browse a topic's messages",
  "audit.read": "read the audit log",
  "cluster.read": "see the cluster",
  "cluster.manage": "manage the cluster",
  "dashboard.create": "create dashboards",
  "dashboard.manage": "change other people's dashboards",
  "alarm.manage": "manage alarm rules",
  "alarm.acknowledge": "acknowledge alarms",
  "stream-app.manage": "manage stream apps",
  "grant.manage": "offer or revoke data grants",
  "grant.accept": "accept data grants",
};

export function roleAllows(role: RoleName, action: Action): boolean {
  return allowed[action].includes(role);
}

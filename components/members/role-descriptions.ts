import type { RoleName } from "@/lib/authz/permissions";

export const roleDescriptions: Record<RoleName, string> = {
  admin: "Everything: members, systems, client credentials, the cluster",
  engineer: "Describes things, sensors and datastreams; reads systems and clients",
  operator: "Watches live data and dashboards; changes nothing",
  auditor: "Reads everything, history and the audit log; changes nothing",
};

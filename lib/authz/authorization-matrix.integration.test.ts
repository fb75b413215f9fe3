// The whole authorization matrix, generated: every operation × every role × own company / another company. Own
// company: allowed exactly when the role table allows the operation's action, else "forbidden". Another company:
// always "not_found", whatever the role, so that other tenants' objects never reveal that they exist.
import { beforeAll, describe, expect, it } from "vitest";
import { metadataOperations, seedMetadataWorld } from "@/test/metadata-operations";
import { joinCompany, type SeededUser, seedUser, uniq } from "@/test/seed";
import { acknowledgeAlarm } from "../alarms/acknowledge-alarm";
import { createAlarmRule } from "../alarms/create-alarm-rule";
import { deleteAlarmRule } from "../alarms/delete-alarm-rule";
import { listAlarms } from "../alarms/list-alarms";
import { exportAuditEventsCsv } from "../audit/export-audit-events";
import { listAuditEvents } from "../audit/list-audit-events";
import { deleteClient } from "../clients/delete-client";
import { getClient } from "../clients/get-client";
import { listClients } from "../clients/list-clients";
import { registerClient } from "../clients/register-client";
import { revokeClient } from "../clients/revoke-client";
import { rotateClientSecret } from "../clients/rotate-client-secret";
import { updateClient } from "../clients/update-client";
import { describeCompanyCluster } from "../cluster/describe-company-cluster";
import { createCompany } from "../companies/create-company";
import { deleteCompany } from "../companies/delete-company";
import { getCompany } from "../companies/get-company";
import { updateCompany } from "../companies/update-company";
import { createDashboard } from "../dashboards/create-dashboard";
import { deleteDashboard } from "../dashboards/delete-dashboard";
import { getDashboard } from "../dashboards/get-dashboard";
import { listDashboards } from "../dashboards/list-dashboards";
import { updateDashboard } from "../dashboards/update-dashboard";
import { getCompanyHealth } from "../data-health/get-company-health";
import { db } from "../db/client";
import { isAppError } from "../errors";
import { answerGrant } from "../grants/answer-grant";
import { getGrant } from "../grants/get-grant";
import { listGrants } from "../grants/list-grants";
import { offerGrant } from "../grants/offer-grant";
import { revokeGrant } from "../grants/revoke-grant";
import { aggregateHistory } from "../history/aggregate-history";
import { browseMessages } from "../history/browse-messages";
import { chartSeries } from "../history/chart-series";
import { exportRecords } from "../history/export-records";
import { queryTrace } from "../history/query-trace";
import { volumeTimeline } from "../history/volume-timeline";
import { resolveLiveTargets } from "../live/resolve-live-targets";
import { resolveReplayDatastreams } from "../live/resolve-replay-datastreams";
import { cancelInvitation } from "../members/cancel-invitation";
import { changeMemberRole } from "../members/change-member-role";
import { inviteMember } from "../members/invite-member";
import { listInvitations } from "../members/list-invitations";
import { listMembers } from "../members/list-members";
import { removeMember } from "../members/remove-member";
import { listProvisioningStates } from "../provisioning/list-provisioning-states";
import { reconcileNow } from "../provisioning/reconcile-now";
import { listSystemRejectedRecords } from "../rejected-records/list-system-rejected-records";
import { checkJoinDraft } from "../stream-apps/check-join-draft";
import { checkStreamAppDraft } from "../stream-apps/check-stream-app-draft";
import { createStreamApp } from "../stream-apps/create-stream-app";
import { deleteStreamApp } from "../stream-apps/delete-stream-app";
import { deployStreamApp } from "../stream-apps/deploy-stream-app";
import { getDatastreamLineage, getSystemLineage } from "../stream-apps/get-lineage";
import { getStreamApp } from "../stream-apps/get-stream-app";
import type { JoinSpecInput } from "../stream-apps/join-spec";
import { exportStreamAppLog, listStreamAppLog } from "../stream-apps/list-stream-app-log";
import { listStreamApps } from "../stream-apps/list-stream-apps";
import { stopStreamApp } from "../stream-apps/stop-stream-app";
import { testJoinDraft } from "../stream-apps/test-join-draft";
import { testStreamAppDraft } from "../stream-apps/test-stream-app-draft";
import { updateStreamApp } from "../stream-apps/update-stream-app";
import { createSystem } from "../systems/create-system";
import { deleteSystem, systemDeletionImpact } from "../systems/delete-system";
import { getSystem } from "../systems/get-system";
import { listSystems } from "../systems/list-systems";
import { updateSystem } from "../systems/update-system";
import type { Actor } from "./actor";
import { type Action, actions, type RoleName, roleAllows, roles } from "./permissions";

let owner: SeededUser;
let bystander: SeededUser;
/** Another company of the owner's, which offers a grant to every world. */
let partner: { company: { id: string; domain: string; enterprise: string }; system: { id: string } };

/** A company owned by `owner` with a system and a client: fresh per case, so allowed deletions disturb nothing. */
async function world() {
  const company = await createCompany({ actor: owner.actor, input: { domain: uniq("d"), enterprise: uniq("e") } });
  const system = await createSystem({
    actor: owner.actor,
    companyId: company.id,
    input: { workcenter: "wc", station: "st" },
  });
  const { client } = await registerClient({ actor: owner.actor, systemId: system.id, input: { name: "car_1" } });
  await joinCompany(owner.actor, company.id, bystander, "operator");
  const metadata = await seedMetadataWorld(owner.actor, system);
  // The owner's dashboard and an alarm rule with an open alarm, for the data path's operations.
  const dashboard = await createDashboard({ actor: owner.actor, companyId: company.id, input: { name: "Floor" } });
  const rule = await createAlarmRule({
    actor: owner.actor,
    datastreamId: metadata.datastream.id,
    input: { name: "Too warm", kind: "above", threshold: 30 },
  });
  const now = new Date();
  const alarm = await db.alarm.create({
    data: {
      companyId: company.id,
      ruleId: rule.id,
      datastreamId: metadata.datastream.id,
      severity: "major",
      openRuleId: rule.id,
      message: "above 30",
      raisedAt: now,
      lastAt: now,
    },
  });
  return { company, system, client, metadata, dashboard, rule, alarm };
}
type World = Awaited<ReturnType<typeof world>>;

// Stream apps and grants are made by the operations that need them (not by every world: each world's systems get
// Kafka topics once a console reconciles, and the matrix makes hundreds of worlds).
/** A stream app of the world, reading its system into the same system's .ext. */
async function appOf(w: World) {
  const { app } = await createStreamApp({
    actor: owner.actor,
    companyId: w.company.id,
    input: { name: uniq("app"), targetSystemId: w.system.id, query: `SELECT * FROM ${w.system.name}` },
  });
  return app;
}

/** A join of the world's system with itself, into a new datastream of the same system. */
const joinSpec = (w: World, datastream = "Gap"): JoinSpecInput => ({
  inputs: [
    { name: "a", query: `SELECT * FROM ${w.system.name}` },
    { name: "b", query: `SELECT * FROM ${w.system.name}` },
  ],
  toleranceMs: 1000,
  output: { value: "right.result - left.result", thing: "Joins", datastream, observationType: "Measurement" },
});

/** A join app of the world. */
async function joinOf(w: World) {
  const { app } = await createStreamApp({
    actor: owner.actor,
    companyId: w.company.id,
    input: { name: uniq("join"), kind: "join", targetSystemId: w.system.id, spec: joinSpec(w) },
  });
  return app;
}

/** A grant the world's company offers the partner. */
const offeredBy = (w: World) =>
  offerGrant({
    actor: owner.actor,
    systemId: w.system.id,
    input: { targetCompany: `${partner.company.domain}.${partner.company.enterprise}` },
  });

/** A grant the partner offers the world's company (not yet answered). */
const offeredTo = (w: World) =>
  offerGrant({
    actor: owner.actor,
    systemId: partner.system.id,
    input: { targetCompany: `${w.company.domain}.${w.company.enterprise}` },
  });

const historyQuery = (w: World) => ({ datastreams: w.metadata.datastream.id, from: "now-1h", to: "now" });

interface Operation {
  name: string;
  action: Action;
  run: (actor: Actor, w: World) => Promise<unknown>;
}

// Actions whose operations are not written yet are listed by the last test, so a new operation cannot be forgotten.
const operations: Operation[] = [
  { name: "getCompany", action: "company.read", run: (actor, w) => getCompany({ actor, companyId: w.company.id }) },
  {
    name: "updateCompany",
    action: "company.update",
    run: (actor, w) => updateCompany({ actor, companyId: w.company.id, input: { description: "x" } }),
  },
  {
    name: "deleteCompany",
    action: "company.delete",
    run: async (actor, w) => {
      await deleteClient({ actor: owner.actor, clientId: w.client.id });
      await deleteSystem({ actor: owner.actor, systemId: w.system.id });
      return deleteCompany({ actor, companyId: w.company.id });
    },
  },
  {
    name: "listMembers",
    action: "member.read",
    run: (actor, w) => listMembers({ actor, companyId: w.company.id, query: {} }),
  },
  {
    name: "inviteMember",
    action: "member.manage",
    run: async (actor, w) => {
      await removeMember({ actor: owner.actor, companyId: w.company.id, userId: bystander.id });
      return inviteMember({ actor, companyId: w.company.id, input: { email: bystander.email, role: "auditor" } });
    },
  },
  {
    name: "listInvitations",
    action: "member.read",
    run: (actor, w) => listInvitations({ actor, companyId: w.company.id }),
  },
  {
    name: "cancelInvitation",
    action: "member.manage",
    run: async (actor, w) => {
      const invitation = await inviteMember({
        actor: owner.actor,
        companyId: w.company.id,
        input: { email: `${uniq("i")}@example.test`, role: "operator" },
      });
      return cancelInvitation({ actor, companyId: w.company.id, invitationId: invitation.id });
    },
  },
  {
    name: "changeMemberRole",
    action: "member.manage",
    run: (actor, w) =>
      changeMemberRole({ actor, companyId: w.company.id, userId: bystander.id, input: { role: "auditor" } }),
  },
  {
    name: "removeMember",
    action: "member.manage",
    run: (actor, w) => removeMember({ actor, companyId: w.company.id, userId: bystander.id }),
  },
  {
    name: "listSystems",
    action: "system.read",
    run: (actor, w) => listSystems({ actor, companyId: w.company.id, query: {} }),
  },
  { name: "getSystem", action: "system.read", run: (actor, w) => getSystem({ actor, systemId: w.system.id }) },
  {
    name: "createSystem",
    action: "system.create",
    run: (actor, w) => createSystem({ actor, companyId: w.company.id, input: { workcenter: uniq("w"), station: "s" } }),
  },
  {
    name: "updateSystem",
    action: "system.update",
    run: (actor, w) => updateSystem({ actor, systemId: w.system.id, input: { retentionDays: 7 } }),
  },
  {
    name: "systemDeletionImpact",
    action: "system.delete",
    run: (actor, w) => systemDeletionImpact({ actor, systemId: w.system.id }),
  },
  {
    name: "deleteSystem",
    action: "system.delete",
    run: async (actor, w) => {
      await deleteClient({ actor: owner.actor, clientId: w.client.id });
      return deleteSystem({ actor, systemId: w.system.id });
    },
  },
  {
    name: "listClients",
    action: "client.read",
    run: (actor, w) => listClients({ actor, systemId: w.system.id, query: {} }),
  },
  { name: "getClient", action: "client.read", run: (actor, w) => getClient({ actor, clientId: w.client.id }) },
  {
    name: "registerClient",
    action: "client.create",
    run: (actor, w) => registerClient({ actor, systemId: w.system.id, input: { name: "car_2" } }),
  },
  {
    name: "updateClient",
    action: "client.update",
    run: (actor, w) => updateClient({ actor, clientId: w.client.id, input: { description: "x" } }),
  },
  {
    name: "rotateClientSecret",
    action: "client.rotate",
    run: (actor, w) => rotateClientSecret({ actor, clientId: w.client.id }),
  },
  { name: "revokeClient", action: "client.revoke", run: (actor, w) => revokeClient({ actor, clientId: w.client.id }) },
  { name: "deleteClient", action: "client.delete", run: (actor, w) => deleteClient({ actor, clientId: w.client.id }) },
  {
    name: "listAuditEvents",
    action: "audit.read",
    run: (actor, w) => listAuditEvents({ actor, companyId: w.company.id, query: {} }),
  },
  {
    name: "describeCompanyCluster",
    action: "cluster.read",
    run: (actor, w) => describeCompanyCluster({ actor, companyId: w.company.id }),
  },
  {
    name: "listProvisioningStates",
    action: "cluster.read",
    run: (actor, w) => listProvisioningStates({ actor, companyId: w.company.id, query: {} }),
  },
  {
    name: "reconcileNow",
    action: "cluster.manage",
    run: (actor, w) => reconcileNow({ actor, companyId: w.company.id }),
  },
  ...metadataOperations.map((op) => ({ ...op, run: (actor: Actor, w: World) => op.run(actor, w.metadata) })),
  {
    name: "resolveLiveTargets",
    action: "data.read",
    run: (actor, w) => resolveLiveTargets({ actor, target: { datastreamId: w.metadata.datastream.id } }),
  },
  {
    name: "resolveLiveTargets (incoming)",
    action: "data.read",
    run: (actor, w) => resolveLiveTargets({ actor, target: { incomingOf: w.system.id } }),
  },
  {
    name: "listSystemRejectedRecords",
    action: "data.read",
    run: (actor, w) => listSystemRejectedRecords({ actor, systemId: w.system.id, query: {} }),
  },
  {
    name: "getCompanyHealth",
    action: "data.read",
    run: (actor, w) => getCompanyHealth({ actor, companyId: w.company.id, query: {} }),
  },
  {
    name: "listDashboards",
    action: "data.read",
    run: (actor, w) => listDashboards({ actor, companyId: w.company.id }),
  },
  {
    name: "getDashboard",
    action: "data.read",
    run: (actor, w) => getDashboard({ actor, dashboardId: w.dashboard.id }),
  },
  {
    name: "listAlarms",
    action: "data.read",
    run: (actor, w) => listAlarms({ actor, companyId: w.company.id, query: {} }),
  },
  {
    name: "createDashboard",
    action: "dashboard.create",
    run: (actor, w) => createDashboard({ actor, companyId: w.company.id, input: { name: "Mine" } }),
  },
  {
    // Another user's dashboard: only admins (dashboard.manage) may change it.
    name: "updateDashboard",
    action: "dashboard.manage",
    run: (actor, w) => updateDashboard({ actor, dashboardId: w.dashboard.id, input: { name: "Renamed" } }),
  },
  {
    name: "deleteDashboard",
    action: "dashboard.manage",
    run: (actor, w) => deleteDashboard({ actor, dashboardId: w.dashboard.id }),
  },
  {
    name: "createAlarmRule",
    action: "alarm.manage",
    run: (actor, w) =>
      createAlarmRule({
        actor,
        datastreamId: w.metadata.datastream.id,
        input: { name: "Freezing", kind: "below", threshold: 0 },
      }),
  },
  { name: "deleteAlarmRule", action: "alarm.manage", run: (actor, w) => deleteAlarmRule({ actor, ruleId: w.rule.id }) },
  {
    name: "acknowledgeAlarm",
    action: "alarm.acknowledge",
    run: (actor, w) => acknowledgeAlarm({ actor, alarmId: w.alarm.id }),
  },
  // History: what a company's datastreams recorded (their systems have no topics here: empty answers).
  {
    name: "queryTrace",
    action: "data.read",
    run: (actor, w) => queryTrace({ actor, companyId: w.company.id, query: historyQuery(w) }),
  },
  {
    name: "exportRecords",
    action: "data.read",
    run: async (actor, w) => {
      const { stream } = await exportRecords({ actor, companyId: w.company.id, query: historyQuery(w) });
      await stream.cancel();
    },
  },
  {
    name: "chartSeries",
    action: "data.read",
    run: (actor, w) => chartSeries({ actor, companyId: w.company.id, query: historyQuery(w) }),
  },
  {
    name: "volumeTimeline",
    action: "data.read",
    run: (actor, w) => volumeTimeline({ actor, companyId: w.company.id, query: historyQuery(w) }),
  },
  {
    name: "aggregateHistory",
    action: "data.read",
    run: (actor, w) =>
      aggregateHistory({ actor, companyId: w.company.id, query: { ...historyQuery(w), interval: "5m" } }),
  },
  {
    name: "resolveReplayDatastreams (replay:start)",
    action: "data.read",
    run: (actor, w) => resolveReplayDatastreams({ actor, datastreamIds: [w.metadata.datastream.id] }),
  },
  {
    name: "browseMessages",
    action: "topic.browse",
    run: (actor, w) => browseMessages({ actor, systemId: w.system.id, query: {} }),
  },
  {
    name: "listStreamApps",
    action: "system.read",
    run: (actor, w) => listStreamApps({ actor, companyId: w.company.id }),
  },
  {
    name: "getStreamApp",
    action: "system.read",
    run: async (actor, w) => getStreamApp({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "listStreamAppLog",
    action: "system.read",
    run: async (actor, w) => listStreamAppLog({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "exportStreamAppLog",
    action: "system.read",
    run: async (actor, w) => exportStreamAppLog({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "getSystemLineage",
    action: "system.read",
    run: (actor, w) => getSystemLineage({ actor, systemId: w.system.id }),
  },
  {
    name: "getDatastreamLineage",
    action: "system.read",
    run: (actor, w) => getDatastreamLineage({ actor, datastreamId: w.metadata.datastream.id }),
  },
  {
    name: "createStreamApp",
    action: "stream-app.manage",
    run: (actor, w) =>
      createStreamApp({
        actor,
        companyId: w.company.id,
        input: { name: "another", targetSystemId: w.system.id, query: `SELECT * FROM ${w.system.name}` },
      }),
  },
  {
    name: "createStreamApp (join)",
    action: "stream-app.manage",
    run: (actor, w) =>
      createStreamApp({
        actor,
        companyId: w.company.id,
        input: { name: "a-join", kind: "join", targetSystemId: w.system.id, spec: joinSpec(w) },
      }),
  },
  {
    name: "updateStreamApp (join)",
    action: "stream-app.manage",
    run: async (actor, w) =>
      updateStreamApp({
        actor,
        appId: (await joinOf(w)).id,
        input: { spec: { ...joinSpec(w), toleranceMs: 500 } },
      }),
  },
  {
    name: "deployStreamApp (join)",
    action: "stream-app.manage",
    run: async (actor, w) => deployStreamApp({ actor, appId: (await joinOf(w)).id }),
  },
  {
    name: "checkJoinDraft",
    action: "stream-app.manage",
    run: (actor, w) =>
      checkJoinDraft({ actor, companyId: w.company.id, input: { targetSystemId: w.system.id, spec: joinSpec(w) } }),
  },
  {
    name: "testJoinDraft",
    action: "stream-app.manage",
    run: (actor, w) =>
      testJoinDraft({ actor, companyId: w.company.id, input: { targetSystemId: w.system.id, spec: joinSpec(w) } }),
  },
  {
    name: "updateStreamApp",
    action: "stream-app.manage",
    run: async (actor, w) =>
      updateStreamApp({
        actor,
        appId: (await appOf(w)).id,
        input: { query: `SELECT * FROM ${w.system.name} WHERE result > 1` },
      }),
  },
  {
    name: "deployStreamApp",
    action: "stream-app.manage",
    run: async (actor, w) => deployStreamApp({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "stopStreamApp",
    action: "stream-app.manage",
    run: async (actor, w) => stopStreamApp({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "deleteStreamApp",
    action: "stream-app.manage",
    run: async (actor, w) => deleteStreamApp({ actor, appId: (await appOf(w)).id }),
  },
  {
    name: "checkStreamAppDraft",
    action: "stream-app.manage",
    run: (actor, w) =>
      checkStreamAppDraft({
        actor,
        companyId: w.company.id,
        input: { targetSystemId: w.system.id, query: "SELECT * FROM *" },
      }),
  },
  {
    name: "testStreamAppDraft",
    action: "stream-app.manage",
    run: (actor, w) =>
      testStreamAppDraft({
        actor,
        companyId: w.company.id,
        input: { targetSystemId: w.system.id, query: "SELECT * FROM *" },
      }),
  },
  { name: "listGrants", action: "system.read", run: (actor, w) => listGrants({ actor, companyId: w.company.id }) },
  {
    name: "getGrant",
    action: "system.read",
    run: async (actor, w) => getGrant({ actor, grantId: (await offeredTo(w)).id }),
  },
  {
    name: "offerGrant",
    action: "grant.manage",
    run: (actor, w) =>
      offerGrant({
        actor,
        systemId: w.system.id,
        input: { targetCompany: `${partner.company.domain}.${partner.company.enterprise}`, datastreams: "Main.*" },
      }),
  },
  {
    name: "revokeGrant (offered)",
    action: "grant.manage",
    run: async (actor, w) => revokeGrant({ actor, grantId: (await offeredBy(w)).id }),
  },
  {
    name: "answerGrant",
    action: "grant.accept",
    run: async (actor, w) => answerGrant({ actor, grantId: (await offeredTo(w)).id, input: { accept: true } }),
  },
  {
    name: "revokeGrant (received)",
    action: "grant.accept",
    run: async (actor, w) => revokeGrant({ actor, grantId: (await offeredTo(w)).id }),
  },
  {
    name: "exportAuditEventsCsv",
    action: "audit.read",
    run: (actor, w) => exportAuditEventsCsv({ actor, companyId: w.company.id, query: {} }),
  },
];

async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "allowed";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("authorization matrix", () => {
  const actors = new Map<RoleName, SeededUser>();

  beforeAll(async () => {
    owner = await seedUser("Owner");
    bystander = await seedUser("Bystander");
    const company = await createCompany({ actor: owner.actor, input: { domain: uniq("d"), enterprise: uniq("p") } });
    const system = await createSystem({
      actor: owner.actor,
      companyId: company.id,
      input: { workcenter: "wc", station: "partner" },
    });
    partner = { company, system };
    for (const role of roles) actors.set(role, await seedUser(`Matrix ${role}`));
  });

  for (const op of operations) {
    for (const role of roles) {
      const expected = roleAllows(role, op.action) ? "allowed" : "forbidden";
      it(`${op.name} (${op.action}) as ${role}: own company → ${expected}, another company → not_found`, async () => {
        const user = actors.get(role) as SeededUser;
        const own = await world();
        await joinCompany(owner.actor, own.company.id, user, role);
        expect(await outcome(() => op.run(user.actor, own))).toBe(expected);
        const other = await world();
        expect(await outcome(() => op.run(user.actor, other))).toBe("not_found");
      });
    }
  }

  it("names the actions no operation covers yet", () => {
    const covered = new Set(operations.map((o) => o.action));
    expect(actions.filter((a) => !covered.has(a))).toEqual([]);
  });
});

describe("auditors and the cluster", () => {
  it("read the cluster's ACLs and the provisioning state, and may not reconcile", async () => {
    const auditor = await seedUser("Cluster auditor");
    const w = await world();
    await joinCompany(owner.actor, w.company.id, auditor, "auditor");
    const companyId = w.company.id;
    expect(await outcome(() => listProvisioningStates({ actor: auditor.actor, companyId, query: {} }))).toBe("allowed");
    expect(await outcome(() => describeCompanyCluster({ actor: auditor.actor, companyId }))).toBe("allowed");
    expect(await outcome(() => reconcileNow({ actor: auditor.actor, companyId }))).toBe("forbidden");
  });
});

import "server-only";
import type { Actor } from "../authz/actor";
import { getDatastream } from "../datastreams/get-datastream";
import type { TraceDatastream } from "../history/trace-datastream";
import { systemTopics } from "../topology/system-topics";
import type { LiveStreamInfo } from "./live-protocol";

/**
 * The datastreams a replay plays, each authorized for `data.read` on its exact object (through getDatastream and
 * authorize(), as live data): another company's or an unknown one is "not found" alike. They may belong to
 * several of the user's companies; `companies` groups them for the audit log.
 */
export async function resolveReplayDatastreams({
  actor,
  datastreamIds,
}: {
  actor: Actor;
  datastreamIds: readonly string[];
}) {
  const datastreams: TraceDatastream[] = [];
  const streams: LiveStreamInfo[] = [];
  const companies = new Map<string, TraceDatastream[]>();
  for (const id of [...new Set(datastreamIds)]) {
    const d = await getDatastream({ actor, datastreamId: id, action: "data.read" });
    const trace: TraceDatastream = {
      id: d.id,
      name: d.name,
      fullName: d.fullName,
      systemId: d.systemId,
      systemName: d.system.name,
      topic: systemTopics(d.system.name).int,
      observationType: d.observationType,
      unit: { name: d.unitName, symbol: d.unitSymbol },
    };
    datastreams.push(trace);
    companies.set(d.system.companyId, [...(companies.get(d.system.companyId) ?? []), trace]);
    streams.push({
      key: `ds:${d.id}`,
      companyId: d.system.companyId,
      systemId: d.systemId,
      name: d.fullName,
      label: d.name,
      observationType: d.observationType,
      unit: { name: d.unitName, symbol: d.unitSymbol },
    });
  }
  return { datastreams, streams, companies };
}

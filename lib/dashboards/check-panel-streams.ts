import "server-only";
import type { Tx } from "../db/client";
import { invalid } from "../errors";
import type { Panel } from "./schemas";

/** Every datastream and system a dashboard's panels name must be the company's own (another's is "not found"). */
export async function checkPanelStreams(tx: Tx, companyId: string, panels: readonly Panel[]): Promise<void> {
  const datastreamIds = new Set<string>();
  const systemIds = new Set<string>();
  for (const p of panels) {
    for (const s of p.streams) {
      if ("datastreamId" in s) datastreamIds.add(s.datastreamId);
      else systemIds.add(s.incomingOf);
    }
  }
  const [datastreams, systems] = await Promise.all([
    tx.datastream.findMany({
      where: { id: { in: [...datastreamIds] }, system: { companyId } },
      select: { id: true, observationType: true },
    }),
    tx.system.findMany({ where: { id: { in: [...systemIds] }, companyId }, select: { id: true } }),
  ]);
  const found = new Map(datastreams.map((d) => [d.id, d.observationType]));
  const missing = [...datastreamIds].filter((id) => !found.has(id));
  if (missing.length > 0)
    throw invalid(`Datastream ${missing[0]} not found in this company`, { panels: ["Datastream not found"] });
  const systemsFound = new Set(systems.map((s) => s.id));
  const missingSystems = [...systemIds].filter((id) => !systemsFound.has(id));
  if (missingSystems.length > 0)
    throw invalid(`System ${missingSystems[0]} not found in this company`, { panels: ["System not found"] });
  for (const p of panels) {
    for (const s of p.streams) {
      if (!("datastreamId" in s)) continue;
      const type = found.get(s.datastreamId);
      if (s.path && type !== "Observation") {
        throw invalid(`"${p.title}": a path into the result needs an Observation (JSON) datastream`, {
          panels: ["A path needs an Observation datastream"],
        });
      }
    }
  }
}

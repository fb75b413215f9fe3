import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { forbidden } from "../errors";
import { parseInput } from "../validation";
import { type ReportRejectionsInput, reportRejectionsSchema } from "./schemas";
import { storeRejections } from "./store-rejections";

/** A client application's report of the records it could not use (lib/sdk's RejectionReporter sends it). */
export async function reportRejections({ actor, input }: { actor: Actor; input: ReportRejectionsInput }) {
  if (actor.type !== "client") throw forbidden("Only client applications report rejected records");
  await authorize(actor, "data.read", { companyId: actor.companyId, systemId: actor.systemId, what: "System" });
  const { rejections } = parseInput(reportRejectionsSchema, input);
  const { counted } = await storeRejections({
    systemId: actor.systemId,
    reportedBy: actor.label,
    clientId: actor.clientId,
    rejections,
  });
  return { accepted: rejections.length, counted };
}

import "server-only";
import { recordAuditEvents } from "../audit/record-audit-event";
import type { Actor } from "../authz/actor";
import { db } from "../db/client";
import { conflict } from "../errors";
import { publishEvent } from "../events/publish-event";
import { parseInput } from "../validation";
import { findGrant, grantSide } from "./grant-side";
import { grantState } from "./grant-state";
import { grantInclude, grantLabel, grantView } from "./grant-view";
import { answerGrantSchema } from "./schemas";

/** The receiving company's admin accepts or declines an offered grant. On both companies' audit logs. */
export async function answerGrant({ actor, grantId, input }: { actor: Actor; grantId: string; input: unknown }) {
  const grant = await findGrant(grantId);
  await grantSide(actor, grant, { target: "grant.accept" });
  const { accept } = parseInput(answerGrantSchema, input);
  const state = grantState(grant);
  if (state !== "offered") throw conflict(`This grant is ${state}: only an offered grant can be answered`);
  return db.$transaction(async (tx) => {
    // Only if still offered: two admins answering at once, or the source revoking meanwhile, cannot both win.
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, status: "offered" },
      data: { status: accept ? "accepted" : "declined", answeredBy: actor.label, answeredAt: new Date() },
    });
    if (count === 0) throw conflict("This grant was answered or revoked meanwhile");
    const updated = await tx.grant.findUniqueOrThrow({ where: { id: grant.id }, include: grantInclude });
    const entry = {
      action: accept ? "grant.accept" : "grant.decline",
      target: { type: "grant", id: grant.id, label: grantLabel(updated) },
      before: { state },
      after: { state: grantState(updated) },
    };
    await recordAuditEvents(tx, actor, [
      { companyId: grant.sourceCompanyId, ...entry },
      { companyId: grant.targetCompanyId, ...entry },
    ]);
    await publishEvent(
      {
        type: "grant.changed",
        companyId: grant.sourceCompanyId,
        targetCompanyId: grant.targetCompanyId,
        grantId: grant.id,
        change: "updated",
      },
      tx,
    );
    return grantView(updated);
  });
}

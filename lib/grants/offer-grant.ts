import "server-only";
import { recordAuditEvents } from "../audit/record-audit-event";
import { type Actor, actorUserId } from "../authz/actor";
import { db } from "../db/client";
import { translatePrismaError } from "../db/prisma-errors";
import { invalid } from "../errors";
import { publishEvent } from "../events/publish-event";
import { getSystem } from "../systems/get-system";
import { parseInput } from "../validation";
import { checkGrantCondition } from "./grant-condition";
import { grantCovers } from "./grant-state";
import { grantInclude, grantLabel, grantView } from "./grant-view";
import { type OfferGrantInput, offerGrantSchema } from "./schemas";
import { sourceDatastreamsOf } from "./source-datastreams";

/**
 * The source company (admins, engineers) offers datastreams of one of its systems to another company, or to one
 * system of it: a pattern, optionally a condition the records must meet and an end date. Nothing flows until the
 * receiving company's admin accepts. On both companies' audit logs.
 */
export async function offerGrant({
  actor,
  systemId,
  input,
}: {
  actor: Actor;
  systemId: string;
  input: OfferGrantInput;
}) {
  const system = await getSystem({ actor, systemId, action: "grant.manage" });
  const data = parseInput(offerGrantSchema, input);
  const [domain = "", enterprise = ""] = data.targetCompany.split(".");
  // Company and system names are identifiers meant to be named (like topic names): saying one does not exist
  // reveals nothing a grant would not.
  const target = await db.company.findUnique({ where: { domain_enterprise: { domain, enterprise } } });
  if (!target) {
    throw invalid(`No company is named ${data.targetCompany}`, { targetCompany: ["No company has this name"] });
  }
  if (target.id === system.companyId) {
    throw invalid("A grant goes to another company: your own stream apps read your systems without one", {
      targetCompany: ["This is the system's own company"],
    });
  }
  let targetSystemId: string | null = null;
  if (data.targetSystem) {
    const ts = await db.system.findUnique({
      where: { name: data.targetSystem },
      select: { id: true, companyId: true },
    });
    if (!ts || ts.companyId !== target.id) {
      throw invalid(`${data.targetCompany} has no system ${data.targetSystem}`, {
        targetSystem: [`Not a system of ${data.targetCompany}`],
      });
    }
    targetSystemId = ts.id;
  }
  const covers = grantCovers(system.name, data.datastreams);
  const covered = (await sourceDatastreamsOf([system.id])).filter((d) => covers(d.fullName));
  // Each problem says where it is in the condition, as the query editor's do.
  const problems = checkGrantCondition(data.filter, covered).map((p) =>
    /^at \d+:\d+: /.test(p.message) ? p.message : `at ${p.line}:${p.column}: ${p.message}`,
  );
  if (problems.length > 0) {
    throw invalid(`The condition does not fit: ${problems.join("; ")}`, { filter: problems });
  }
  return db
    .$transaction(async (tx) => {
      const grant = await tx.grant.create({
        data: {
          sourceCompanyId: system.companyId,
          sourceSystemId: system.id,
          targetCompanyId: target.id,
          targetSystemId,
          datastreams: data.datastreams,
          filter: data.filter,
          description: data.description,
          endsAt: data.endsAt ?? null,
          offeredById: actorUserId(actor) ?? null,
          offeredBy: actor.label,
        },
        include: grantInclude,
      });
      const view = grantView(grant);
      const entry = {
        action: "grant.offer",
        target: { type: "grant", id: grant.id, label: grantLabel(grant) },
        after: {
          datastreams: view.datastreams,
          filter: view.filter || undefined,
          endsAt: view.endsAt ?? undefined,
          to: view.targetSystem ?? view.targetCompany,
        },
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
          change: "created",
        },
        tx,
      );
      return view;
    })
    .catch((error: unknown) => {
      throw translatePrismaError(error);
    });
}

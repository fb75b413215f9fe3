import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkDefinition } from "./check-definition";
import { type DraftInput, draftSchema } from "./schemas";

/** Checks a draft as the editor types (nothing saved): errors and warnings with their places, sources, selects. */
export async function checkStreamAppDraft({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: DraftInput;
}) {
  await authorize(actor, "stream-app.manage", { companyId, what: "Company" });
  const data = parseInput(draftSchema, input);
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  const check = await checkDefinition({ companyId, targetSystemId: target.id, query: data.query });
  return {
    ok: check.ok,
    errors: check.errors,
    warnings: check.warnings,
    sources: check.sources.map((s) => ({ name: s.name, own: s.own, grants: s.grants.length })),
    selectCount: check.selects.length,
    selects: check.selects.slice(0, 100).map((d) => d.fullName),
  };
}
export type DraftCheck = Awaited<ReturnType<typeof checkStreamAppDraft>>;

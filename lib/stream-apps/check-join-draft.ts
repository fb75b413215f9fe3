import "server-only";
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/authorize";
import { parseInput } from "../validation";
import { ownTargetSystem } from "./app-access";
import { checkJoinDefinition } from "./check-join-definition";
import { type JoinDraftInput, joinDraftSchema } from "./schemas";

/**
 * Checks a join draft as the form changes (nothing saved): each input's query, the output value and WHERE against
 * the datastreams the inputs select, the value's type against the output type; problems by field.
 */
export async function checkJoinDraft({
  actor,
  companyId,
  input,
}: {
  actor: Actor;
  companyId: string;
  input: JoinDraftInput;
}) {
  await authorize(actor, "stream-app.manage", { companyId, what: "Company" });
  const data = parseInput(joinDraftSchema, input);
  const target = await ownTargetSystem(companyId, data.targetSystemId);
  const check = await checkJoinDefinition({ companyId, targetSystemId: target.id, spec: data.spec });
  return {
    ok: check.ok,
    errors: check.errors,
    warnings: check.warnings,
    fieldErrors: check.fieldErrors,
    sources: check.sources.map((s) => ({ name: s.name, own: s.own, grants: s.grants.length })),
    inputs: data.spec.inputs.map((i, index) => ({
      name: i.name,
      selectCount: check.inputSelects[index]?.length ?? 0,
      selects: (check.inputSelects[index] ?? []).slice(0, 100),
    })),
    output: `${target.name}.${data.spec.output.thing}.${data.spec.output.datastream}`,
  };
}
export type JoinDraftCheck = Awaited<ReturnType<typeof checkJoinDraft>>;

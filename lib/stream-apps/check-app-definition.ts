import "server-only";
import { invalid } from "../errors";
import { checkDefinition, type DefinitionCheck, definitionRefusal } from "./check-definition";
import { checkJoinDefinition, joinDefinitionRefusal } from "./check-join-definition";
import { type JoinSpec, joinSpecSchema } from "./join-spec";

/**
 * A saved app's definition checked as it stands now, whatever its kind (a filter's query; a join's inputs, output
 * and types): the check, or the 422 to answer with.
 */
export async function checkSavedDefinition(app: {
  kind: "filter" | "join";
  companyId: string;
  targetSystemId: string;
  query: string;
  spec: unknown;
}): Promise<{ check: DefinitionCheck; spec: JoinSpec | null; refusal: Error | null }> {
  if (app.kind === "join") {
    const parsed = joinSpecSchema.safeParse(app.spec);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      const check = { ok: false, errors: [], warnings: [], query: null, sources: [], selects: [] };
      return { check, spec: null, refusal: invalid(`The saved join definition is not valid: ${message}`) };
    }
    const check = await checkJoinDefinition({
      companyId: app.companyId,
      targetSystemId: app.targetSystemId,
      spec: parsed.data,
    });
    return { check, spec: parsed.data, refusal: check.ok ? null : joinDefinitionRefusal(check) };
  }
  const check = await checkDefinition({
    companyId: app.companyId,
    targetSystemId: app.targetSystemId,
    query: app.query,
  });
  return { check, spec: null, refusal: check.ok ? null : definitionRefusal(check) };
}

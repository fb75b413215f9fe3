import type { z } from "zod";
import { type FieldErrors, invalid } from "./errors";
import { jsonDepthProblem } from "./json/json-depth";
import { NUL_REFUSAL, nulCharacterPath } from "./text-problems";

/** Deeper than any document Rhei takes (a thing's properties, a result schema): refused before anything recurses. */
export const MAX_INPUT_DEPTH = 64;

/** zod issues as field → messages, the shape forms and the API's problem documents both show. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

/** Parses input at a boundary; bad input becomes a validation AppError that names each field and its rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulCharacterPath(input, "");
  if (nul !== undefined)
    throw invalid(`Invalid input: ${nul || "the input"} ${NUL_REFUSAL}`, { [nul || "_"]: [NUL_REFUSAL] });
  const deep = jsonDepthProblem(input, MAX_INPUT_DEPTH);
  if (deep) throw invalid(`Invalid input: the input ${deep}`, { _: [deep] });
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrorsOf(result.error);
    const summary = Object.entries(fields)
      .map(([field, messages]) => (field === "_" ? messages.join("; ") : `${field}: ${messages.join("; ")}`))
      .join("; ");
    throw invalid(`Invalid input: ${summary}`, fields);
  }
  return result.data;
}

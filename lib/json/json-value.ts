export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why `value` is not plain JSON (a finite number, no undefined, no class instances), or undefined when it is. */
export function jsonProblem(value: unknown, path = "value", depth = 0): string | undefined {
  if (depth > 64) return `${path} is nested too deeply`;
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} is not a finite number`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [key, inner] of Object.entries(value)) {
      const problem = jsonProblem(inner, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${path} is ${kindOf(value) === "object" ? "not a plain object" : `a ${kindOf(value)}`}, not JSON`;
}

export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

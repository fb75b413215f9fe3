// PostgreSQL cannot store the NUL character in text (it answers "invalid byte sequence"), and no name, description
// or query needs it: input that carries one is refused with a clear message wherever it enters.

/** The path of the first string in `value` that holds a NUL character, or undefined. Iterative: any depth. */
export function nulCharacterPath(value: unknown, root = "input"): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: root }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v) && !(v instanceof Date)) {
      for (const [k, inner] of Object.entries(v)) {
        if (k.includes("\u0000")) return `${path}.${k.replaceAll("\u0000", "\\u0000")}`;
        stack.push({ v: inner, path: path === "" ? k : `${path}.${k}` });
      }
    }
  }
  return undefined;
}

export const NUL_REFUSAL = "must not contain the NUL character (\\u0000)";

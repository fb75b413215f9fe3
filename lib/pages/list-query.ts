import type { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A list query from a page's URL. Unlike the API, which refuses bad parameters, a page drops what it cannot use
 * (a hand-edited `?page=abc`) and shows the list with defaults for those parameters.
 */
export function listQueryFromSearchParams<S extends z.ZodObject>(schema: S, searchParams: SearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const v = Array.isArray(value) ? value[0] : value;
    // A NUL character is no filter anyone typed (and PostgreSQL cannot compare with it): dropped like bad values.
    if (v !== undefined && key in schema.shape && !v.includes("\u0000")) raw[key] = v;
  }
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string") delete raw[key];
  }
  return schema.parse(raw);
}

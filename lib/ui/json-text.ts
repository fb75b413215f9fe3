import { z } from "zod";

/** Pretty JSON for a textarea (two-space indent), or "" for nothing. */
export function jsonText(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value, null, 2);
}

/**
 * A textarea holding a JSON object: its text in the form, the parsed object (or null when empty) after validation,
 * so a syntax error shows inline where it is, before anything is sent.
 */
export const jsonObjectText = z.string().transform((text, ctx): Record<string, unknown> | null => {
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `Not valid JSON: ${error instanceof Error ? error.message : error}` });
    return z.NEVER;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: "Must be a JSON object: { … }" });
    return z.NEVER;
  }
  return value as Record<string, unknown>;
});

// Prisma passes `contains`/`startsWith` values into LIKE patterns without escaping them, so a user's `_` or `%`
// would match any character. PostgreSQL's default LIKE escape character is the backslash.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A case-insensitive substring filter for Prisma that matches the text literally. */
export function containsText(text: string) {
  return { contains: escapeLike(text), mode: "insensitive" as const };
}

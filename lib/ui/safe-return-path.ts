/** A same-site path to return to after signing in; anything else (another origin, `//host`) becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

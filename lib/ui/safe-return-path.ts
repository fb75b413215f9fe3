/**
 * A same-site path to return to after signing in; anything else becomes "/". Browsers drop tabs, CR and LF from
 * URLs and read `\` as `/`, so `/\t/evil.test` would become the protocol-relative `//evil.test`: any control
 * character or backslash refuses the path, as does anything that is not a plain path on this origin.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  // Whatever the browser would make of it must still be a path on this origin.
  const resolved = new URL(value, "http://rhei.invalid");
  if (resolved.origin !== "http://rhei.invalid") return "/";
  return value;
}

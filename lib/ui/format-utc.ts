/** `2026-11-25 10:03:07` in UTC: the audit log shows one time zone on the server, in the browser and in the CSV. */
export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

import { format } from "date-fns";

/** 1536 → "1.5 KiB": sizes of topics and partitions. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < units.length - 1);
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A retention.ms value in words: "14 days", "6 hours", "forever" (-1). */
export function formatRetention(ms: string | null): string {
  if (ms === null) return "—";
  const n = Number(ms);
  if (n < 0) return "forever";
  const day = 86_400_000;
  if (n % day === 0) return plural(n / day, "day");
  const hour = 3_600_000;
  if (n % hour === 0) return plural(n / hour, "hour");
  return `${n} ms`;
}

/** Big offsets stay exact: group digits of a decimal string. */
export function formatCount(value: string): string {
  return value.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** `2026-11-25 10:03` in the viewer's time zone: when a row was created or last changed. */
export const formatDateTime = (date: Date): string => format(date, "yyyy-MM-dd HH:mm");

/** `2026-11-25`: a day, where the time would be noise (member since, system created). */
export const formatDate = (date: Date): string => format(date, "yyyy-MM-dd");

/**
 * `1 day`, `2 days`, `1 partition`, `0 entries`: a count with its noun in the right number. `many` for nouns whose
 * plural is not the singular plus "s".
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

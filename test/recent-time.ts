/**
 * A whole minute `minutesAgo` back, as epoch ms: the base for records' phenomenon times, which are their Kafka
 * timestamps. Topics refuse (or, made by hand, delete) records older than their retention (docs/history.md), so a
 * fixed date in a test would break the day it ages out; test topics made by hand keep an hour.
 */
export function recentMinute(minutesAgo = 30): number {
  return (Math.floor(Date.now() / 60_000) - minutesAgo) * 60_000;
}

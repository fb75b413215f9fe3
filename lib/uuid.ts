// Ids in URLs and API paths are user input: a malformed one is simply not found (PostgreSQL would refuse it
// with an internal error otherwise).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

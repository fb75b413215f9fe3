// The keys a record offers. Types of `result` depend on the datastream; the others are fixed.

export const KEY_NAMES = [
  "name",
  "thing",
  "quantity",
  "system",
  "client",
  "result",
  "time",
  "resultTime",
  "attributes",
] as const;
export type KeyName = (typeof KEY_NAMES)[number];

/** Keys read from the datastream's name (known at deploy time, so FROM and name conditions can be decided then). */
export const NAME_KEYS = ["name", "thing", "quantity", "system"] as const;
export type NameKey = (typeof NAME_KEYS)[number];

/** Keys holding a time (epoch milliseconds at run time). */
export const TIME_KEYS = ["time", "resultTime"] as const;

/** Roots of a join expression: the two records. */
export const JOIN_SIDES = ["left", "right"] as const;

export function isKeyName(s: string): s is KeyName {
  return (KEY_NAMES as readonly string[]).includes(s);
}

export function isNameKey(s: string | null): s is NameKey {
  return s !== null && (NAME_KEYS as readonly string[]).includes(s);
}

export function isTimeKey(s: string | null): boolean {
  return s !== null && (TIME_KEYS as readonly string[]).includes(s);
}

/** The name keys of a datastream's full name `domain.enterprise.workcenter.station.thing.datastream`. */
export function nameLevels(fullName: string): Record<NameKey, string> {
  const levels = fullName.split(".");
  return {
    name: fullName,
    system: levels.slice(0, 4).join("."),
    thing: levels[4] ?? "",
    quantity: levels.slice(5).join("."),
  };
}

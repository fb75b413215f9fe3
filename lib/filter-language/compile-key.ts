import type { KeyRef } from "./ast";
import { isKeyName, isTimeKey } from "./keys";
import {
  type FilterStats,
  NO_VALUE,
  nameLevel,
  operand,
  recordPicker,
  timeOperand,
  type ValueFn,
  walk,
} from "./runtime";

type Raw = (record: Record<string, unknown>) => unknown;

function rawGetter(key: string): Raw {
  if (key === "system" || key === "thing" || key === "quantity") {
    // Records come in runs from one datastream: split its name once per run, not once per record.
    let lastName: unknown;
    let lastLevel: string | undefined;
    return (r) => {
      if (r[key] !== undefined) return r[key];
      if (r.name !== lastName) {
        lastName = r.name;
        lastLevel = nameLevel(r.name, key);
      }
      return lastLevel;
    };
  }
  if (!isKeyName(key)) return () => undefined;
  return (r) => r[key];
}

/** A closure reading a key (and its path) from the record, or from `left`/`right` of a pair. */
export function compileKey(e: KeyRef): ValueFn {
  const pick = recordPicker(e.side);
  if (e.key === null) {
    // A whole record: only timediff takes one (compiled there); elsewhere it is an object, a type mismatch.
    return (ctx, s) => pick(ctx) ?? missing(s);
  }
  const raw = rawGetter(e.key);
  const path = e.path;
  const read = isTimeKey(e.key) && path.length === 0 ? timeOperand : operand;
  if (path.length === 0) {
    return (ctx, s) => {
      const r = pick(ctx);
      return r === undefined ? missing(s) : read(raw(r), s);
    };
  }
  if (path.length === 1) {
    const step = path[0] as string | number;
    if (typeof step === "string") {
      return (ctx, s) => {
        const r = pick(ctx);
        if (r === undefined) return missing(s);
        const v = raw(r);
        if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.hasOwn(v, step)) return missing(s);
        return operand((v as Record<string, unknown>)[step], s);
      };
    }
  }
  return (ctx, s) => {
    const r = pick(ctx);
    return r === undefined ? missing(s) : operand(walk(raw(r), path), s);
  };
}

function missing(s: FilterStats): typeof NO_VALUE {
  s.missingPath++;
  return NO_VALUE;
}

/** The time of a record given whole: `timediff(left, right)`. */
export function compileTimeOf(e: KeyRef): ValueFn {
  const pick = recordPicker(e.side);
  return (ctx, s) => {
    const r = pick(ctx);
    return r === undefined ? missing(s) : timeOperand(r.time, s);
  };
}

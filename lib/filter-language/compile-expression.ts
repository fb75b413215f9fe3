import type { Comparison, Expr, FunctionCall } from "./ast";
import { comparator } from "./compare-values";
import { compileKey, compileTimeOf } from "./compile-key";
import { FUNCTIONS } from "./functions";
import { parseIsoTime } from "./iso-time";
import { NO_VALUE, type TestFn, timeOperand, type Value, type ValueFn } from "./runtime";
import { isTimeValued } from "./time-kind";

// The interpreter: the tree is compiled once into a tree of closures (no code is generated from text), which the
// worker then calls per record. Evaluation order is left to right; an operator whose operand has no value stops
// there and has none either (a comparison is then false).

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": (a, b) => a % b,
  "^": (a, b) => a ** b,
};

function constant(v: Value): ValueFn {
  return () => v;
}

/** A value that can never be used (an unknown function, a malformed ISO time): a type mismatch each time. */
const mismatch: ValueFn = (_ctx, s) => {
  s.typeMismatch++;
  return NO_VALUE;
};

function finite(v: number, s: Parameters<ValueFn>[1]): Value {
  if (Number.isFinite(v)) return v;
  s.notFinite++;
  return NO_VALUE;
}

function numberOf(f: ValueFn): ValueFn {
  return (ctx, s) => {
    const v = f(ctx, s);
    if (v === NO_VALUE || typeof v === "number") return v;
    s.typeMismatch++;
    return NO_VALUE;
  };
}

/** An operand compared with a time: an ISO-8601 literal becomes epoch ms now, another value when it is read. */
function asTime(e: Expr): ValueFn {
  if (e.kind === "string") {
    const ms = parseIsoTime(e.value);
    return ms === null ? mismatch : constant(ms);
  }
  const f = compileValue(e);
  if (isTimeValued(e)) return f;
  return (ctx, s) => {
    const v = f(ctx, s);
    return v === NO_VALUE ? v : timeOperand(v, s);
  };
}

function compileCall(e: FunctionCall): ValueFn {
  const spec = FUNCTIONS.get(e.name);
  if (spec === undefined || e.args.length < spec.minArgs || e.args.length > spec.maxArgs) {
    return mismatch;
  }
  const args = e.args.map((a) =>
    numberOf(
      spec.argument === "time" ? (a.kind === "key" && a.key === null ? compileTimeOf(a) : asTime(a)) : compileValue(a),
    ),
  );
  const apply = spec.apply;
  return (ctx, s) => {
    const values: number[] = [];
    for (const arg of args) {
      const v = arg(ctx, s);
      if (v === NO_VALUE) return NO_VALUE;
      values.push(v as number);
    }
    return finite(apply(values), s);
  };
}

function compileComparison(e: Comparison): TestFn {
  const timeLeft = isTimeValued(e.left);
  const timeRight = isTimeValued(e.right);
  const left = timeRight && !timeLeft ? asTime(e.left) : compileValue(e.left);
  const right = timeLeft && !timeRight ? asTime(e.right) : compileValue(e.right);
  const compare = comparator(e.op);
  return (ctx, s) => {
    const a = left(ctx, s);
    if (a === NO_VALUE) return false;
    return compare(a, right(ctx, s), s);
  };
}

/** A closure computing the value of an expression (a condition's value is a boolean). */
export function compileValue(e: Expr): ValueFn {
  switch (e.kind) {
    case "number":
    case "string":
    case "boolean":
      return constant(e.value);
    case "key":
      return compileKey(e);
    case "call":
      return compileCall(e);
    case "neg": {
      const f = numberOf(compileValue(e.operand));
      return (ctx, s) => {
        const v = f(ctx, s);
        return v === NO_VALUE ? v : -(v as number);
      };
    }
    case "arith": {
      const left = numberOf(compileValue(e.left));
      const right = numberOf(compileValue(e.right));
      const op = ARITHMETIC[e.op] as (a: number, b: number) => number;
      return (ctx, s) => {
        const a = left(ctx, s);
        if (a === NO_VALUE) return a;
        const b = right(ctx, s);
        if (b === NO_VALUE) return b;
        return finite(op(a as number, b as number), s);
      };
    }
    default: {
      const test = compileTest(e);
      return (ctx, s) => test(ctx, s);
    }
  }
}

/** A closure deciding a condition: true or false, never an exception. */
export function compileTest(e: Expr): TestFn {
  switch (e.kind) {
    case "compare":
      return compileComparison(e);
    case "not": {
      const f = compileTest(e.operand);
      return (ctx, s) => !f(ctx, s);
    }
    case "logic": {
      const fs = e.operands.map(compileTest);
      if (e.op === "AND") {
        return (ctx, s) => {
          for (const f of fs) if (!f(ctx, s)) return false;
          return true;
        };
      }
      if (e.op === "OR") {
        return (ctx, s) => {
          for (const f of fs) if (f(ctx, s)) return true;
          return false;
        };
      }
      return (ctx, s) => {
        let odd = false;
        for (const f of fs) if (f(ctx, s)) odd = !odd;
        return odd;
      };
    }
    case "boolean":
      return e.value ? () => true : () => false;
    default: {
      // A bare value as a condition: a Truth result or a boolean field.
      const f = compileValue(e);
      return (ctx, s) => {
        const v = f(ctx, s);
        if (v === true) return true;
        if (v !== false && v !== NO_VALUE) s.typeMismatch++;
        return false;
      };
    }
  }
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArithmeticOperator, Expr, PathSegment, Query } from "./ast";
import { exprArbitrary, FIELD_NAMES, isoLiteral, queryArbitrary } from "./ast-arbitraries";
import { compileQuery } from "./compile-query";
import { evaluateCondition, evaluateValue } from "./evaluate-join";
import { haversineKm } from "./functions";
import { roundHalfAway } from "./round-half-away";
import { createStats, type FilterRecord, type FilterStats } from "./runtime";

// A second, deliberately plain evaluator written from docs/filter-language.md (a direct recursive walk, no
// closures, no shared run-time helpers except two numeric functions that have their own unit tests). The
// interpreter must agree with it on the selection and on every counter.

const NONE = Symbol("none");
type Counters = Pick<FilterStats, "missingPath" | "typeMismatch" | "notFinite">;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isTime = (e: Expr): boolean =>
  e.kind === "key"
    ? (e.key === "time" || e.key === "resultTime") && e.path.length === 0
    : e.kind === "arith" &&
      ((e.op === "+" && isTime(e.left) !== isTime(e.right)) || (e.op === "-" && isTime(e.left) && !isTime(e.right)));

/** Reference ISO reading: only the canonical form the generators produce (toISOString), via Date.parse. */
function iso(s: string): number | typeof NONE {
  const ms = Date.parse(s);
  return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : NONE;
}

class Reference {
  readonly c: Counters = { missingPath: 0, typeMismatch: 0, notFinite: 0 };

  private timeFrom(v: unknown): unknown {
    if (v === undefined || v === null) return this.miss();
    if (typeof v === "string") return iso(v) === NONE ? this.mismatch() : iso(v);
    if (typeof v === "number") return Number.isFinite(v) ? v : this.nonFinite();
    return this.mismatch();
  }

  private miss(): typeof NONE {
    this.c.missingPath++;
    return NONE;
  }
  private mismatch(): typeof NONE {
    this.c.typeMismatch++;
    return NONE;
  }
  private nonFinite(): typeof NONE {
    this.c.notFinite++;
    return NONE;
  }

  private key(e: Extract<Expr, { kind: "key" }>, ctx: unknown): unknown {
    const rec = e.side === null ? ctx : isPlain(ctx) ? ctx[e.side] : undefined;
    if (!isPlain(rec)) return this.miss();
    if (e.key === null) return rec;
    let v: unknown;
    const levels = typeof rec.name === "string" ? rec.name.split(".") : [];
    if (e.key === "system") v = rec.system ?? (levels.length >= 6 ? levels.slice(0, 4).join(".") : undefined);
    else if (e.key === "thing") v = rec.thing ?? (levels.length >= 6 ? levels[4] : undefined);
    else if (e.key === "quantity") v = rec.quantity ?? (levels.length >= 6 ? levels.slice(5).join(".") : undefined);
    else if (["name", "client", "result", "time", "resultTime", "attributes"].includes(e.key)) v = rec[e.key];
    for (const step of e.path) {
      if (typeof step === "number") v = Array.isArray(v) && step < v.length ? v[step] : undefined;
      else v = isPlain(v) && Object.hasOwn(v, step) ? v[step] : undefined;
    }
    if (isTime(e)) return this.timeFrom(v);
    if (v === undefined || v === null) return this.miss();
    if (typeof v === "number" && !Number.isFinite(v)) return this.nonFinite();
    return v;
  }

  private num(e: Expr, ctx: unknown): number | typeof NONE {
    const v = this.value(e, ctx);
    if (v === NONE) return NONE;
    return typeof v === "number" ? v : this.mismatch();
  }

  private asTime(e: Expr, ctx: unknown): unknown {
    if (e.kind === "string") return iso(e.value) === NONE ? this.mismatch() : iso(e.value);
    if (isTime(e)) return this.value(e, ctx);
    const v = this.value(e, ctx);
    return v === NONE ? NONE : this.timeFrom(v);
  }

  private finite(x: number): number | typeof NONE {
    return Number.isFinite(x) ? x : this.nonFinite();
  }

  value(e: Expr, ctx: unknown): unknown {
    switch (e.kind) {
      case "number":
      case "string":
      case "boolean":
        return e.value;
      case "key":
        return this.key(e, ctx);
      case "neg": {
        const v = this.num(e.operand, ctx);
        return v === NONE ? NONE : -v;
      }
      case "arith": {
        const a = this.num(e.left, ctx);
        if (a === NONE) return NONE;
        const b = this.num(e.right, ctx);
        if (b === NONE) return NONE;
        const ops: Record<ArithmeticOperator, number> = {
          "+": a + b,
          "-": a - b,
          "*": a * b,
          "/": a / b,
          "%": a % b,
          "^": a ** b,
        };
        return this.finite(ops[e.op]);
      }
      case "call": {
        const arity: Record<string, [number, number]> = {
          abs: [1, 1],
          sqrt: [1, 1],
          round: [1, 2],
          min: [2, Infinity],
          max: [2, Infinity],
          haversine: [4, 4],
          timediff: [2, 2],
        };
        const [lo, hi] = arity[e.name] ?? [1, 0];
        if (e.args.length < lo || e.args.length > hi) return this.mismatch();
        const xs: number[] = [];
        for (const a of e.args) {
          let v: unknown;
          if (e.name !== "timediff") v = this.value(a, ctx);
          else if (a.kind === "key" && a.key === null) {
            const rec = this.value(a, ctx);
            v = rec === NONE ? NONE : this.timeFrom((rec as Record<string, unknown>).time);
          } else v = this.asTime(a, ctx);
          if (v === NONE) return NONE;
          if (typeof v !== "number") return this.mismatch();
          xs.push(v);
        }
        const [x = 0, y = 0, z = 0, w = 0] = xs;
        const results: Record<string, () => number> = {
          abs: () => (x < 0 ? -x : x),
          sqrt: () => Math.sqrt(x),
          round: () => roundHalfAway(x, xs.length > 1 ? y : 0),
          min: () => Math.min(...xs),
          max: () => Math.max(...xs),
          haversine: () => haversineKm(x, y, z, w),
          timediff: () => (x - y) / 1000,
        };
        return this.finite((results[e.name] as () => number)());
      }
      default:
        return this.test(e, ctx);
    }
  }

  test(e: Expr, ctx: unknown): boolean {
    switch (e.kind) {
      case "boolean":
        return e.value;
      case "not":
        return !this.test(e.operand, ctx);
      case "logic": {
        if (e.op === "AND") {
          for (const o of e.operands) if (!this.test(o, ctx)) return false;
          return true;
        }
        if (e.op === "OR") {
          for (const o of e.operands) if (this.test(o, ctx)) return true;
          return false;
        }
        let count = 0;
        for (const o of e.operands) if (this.test(o, ctx)) count++;
        return count % 2 === 1;
      }
      case "compare": {
        const a = isTime(e.right) && !isTime(e.left) ? this.asTime(e.left, ctx) : this.value(e.left, ctx);
        if (a === NONE) return false;
        const b = isTime(e.left) && !isTime(e.right) ? this.asTime(e.right, ctx) : this.value(e.right, ctx);
        if (b === NONE) return false;
        const ordering = e.op !== "=" && e.op !== "<>";
        if (typeof a !== typeof b || typeof a === "object" || (typeof a === "boolean" && ordering)) {
          this.mismatch();
          return false;
        }
        const [p, q] = [a as number, b as number];
        return { "=": p === q, "<>": p !== q, "<": p < q, "<=": p <= q, ">": p > q, ">=": p >= q }[e.op];
      }
      default: {
        const v = this.value(e, ctx);
        if (v === true) return true;
        if (v !== false && v !== NONE) this.mismatch();
        return false;
      }
    }
  }
}

function referenceSelects(q: Query, r: FilterRecord, ref: Reference): boolean {
  const levels = r.name.split(".");
  const system = r.system ?? (levels.length >= 6 ? levels.slice(0, 4).join(".") : undefined);
  const inFrom = q.sources.some(
    (s) =>
      s.pattern === "*" ||
      (system !== undefined && s.pattern.split(".").every((p, i) => p === "*" || p === system.split(".")[i])),
  );
  return inFrom && (q.where === null || ref.test(q.where, r));
}

// Records that paths often fit: results and attributes keyed by the generators' field names.
const json = fc.jsonValue({ maxDepth: 3 });
const keyed = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(json, fc.array(json, { maxLength: 3 })));
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.1, 0.2, 0.30000000000000004, 16777217, Number.NaN, Infinity),
);
const time = fc.oneof(
  fc.integer({ min: 0, max: 4102444800000 }),
  isoLiteral,
  fc.constantFrom(Number.NaN, undefined, "x"),
);
const recordArbitrary: fc.Arbitrary<FilterRecord> = fc.record(
  {
    name: fc.constantFrom(
      "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature",
      "at.1.*.Car1.Thing_1.Count",
      "short.name",
      "",
    ),
    thing: fc.string({ maxLength: 3 }),
    client: fc.constantFrom("car_1", "x"),
    time: time as fc.Arbitrary<number>,
    resultTime: time as fc.Arbitrary<number>,
    result: fc.oneof(anyNumber, fc.boolean(), fc.string({ maxLength: 3 }), keyed, json),
    attributes: fc.oneof(keyed, json) as fc.Arbitrary<Record<string, unknown>>,
  },
  { requiredKeys: ["name", "time", "result"] },
);

/** Typed numeric conditions, so that a good share of records is selected (random trees mostly are not). */
const numeric = fc.letrec<{ n: Expr; c: Expr }>((tie) => ({
  n: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.record({ kind: fc.constant("number" as const), value: fc.integer({ min: 0, max: 5 }) }),
    fc.record({
      kind: fc.constant("key" as const),
      side: fc.constant(null),
      key: fc.constantFrom("result", "attributes"),
      path: fc.constantFrom<PathSegment[][]>([], ["a"], ["b"], ["a", 0]),
    }),
    fc.record({ kind: fc.constant("neg" as const), operand: tie("n") }),
    fc.record({
      kind: fc.constant("arith" as const),
      op: fc.constantFrom<ArithmeticOperator>("+", "-", "*", "/", "%", "^"),
      left: tie("n"),
      right: tie("n"),
    }),
  ),
  c: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    fc.record({
      kind: fc.constant("compare" as const),
      op: fc.constantFrom("=" as const, "<>" as const, "<" as const, "<=" as const, ">" as const, ">=" as const),
      left: tie("n"),
      right: tie("n"),
    }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("c") }),
    fc.record({
      kind: fc.constant("logic" as const),
      op: fc.constantFrom("AND" as const, "OR" as const, "XOR" as const),
      operands: fc.array(tie("c"), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));
const smallNumberRecord = fc.record({
  name: fc.constant("cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature"),
  time: fc.constant(0),
  result: fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.dictionary(fc.constantFrom("a", "b"), fc.integer({ min: -3, max: 3 })),
  ),
  attributes: fc.dictionary(
    fc.constantFrom("a", "b"),
    fc.oneof(fc.integer({ min: -3, max: 3 }), fc.array(fc.integer())),
  ),
}) as fc.Arbitrary<FilterRecord>;

function agree(q: Query, r: FilterRecord): boolean {
  const stats = createStats();
  const selected = compileQuery(q).test(r, stats);
  const ref = new Reference();
  expect(selected).toBe(referenceSelects(q, r, ref));
  expect({ missingPath: stats.missingPath, typeMismatch: stats.typeMismatch, notFinite: stats.notFinite }).toEqual(
    ref.c,
  );
  expect(stats.internalError).toBe(0);
  return selected;
}

describe("the interpreter agrees with a reference evaluator (property)", () => {
  it("on random queries and random records, including missing paths, NaN and wrong types", () => {
    fc.assert(
      fc.property(queryArbitrary, recordArbitrary, (q, r) => void agree(q, r)),
      { numRuns: 3000 },
    );
  });

  it("on random typed numeric conditions, selecting a good share of records", () => {
    let selected = 0;
    const runs = 2000;
    fc.assert(
      fc.property(numeric.c, smallNumberRecord, (where, r) => {
        if (
          agree({ kind: "query", projection: { kind: "all" }, sources: [{ kind: "source", pattern: "*" }], where }, r)
        )
          selected++;
      }),
      { numRuns: runs },
    );
    expect(selected).toBeGreaterThan(runs / 10);
  });

  it("on random join expressions over random pairs", () => {
    fc.assert(
      fc.property(
        exprArbitrary({ join: true, knownKeys: true }),
        recordArbitrary,
        recordArbitrary,
        (e, left, right) => {
          const stats = createStats();
          const ref = new Reference();
          const want = ref.value(e, { left, right });
          const got = evaluateValue(e, { left, right }, stats);
          const expected = want === NONE || typeof want === "object" ? null : want;
          expect(got).toBe(expected);
          const wantTest = new Reference().test(e, { left, right });
          expect(evaluateCondition(e, { left, right })).toBe(wantTest);
          const objectExtra = want !== NONE && typeof want === "object" ? 1 : 0;
          expect(stats.typeMismatch).toBe(ref.c.typeMismatch + objectExtra);
          expect([stats.missingPath, stats.notFinite, stats.internalError]).toEqual([
            ref.c.missingPath,
            ref.c.notFinite,
            0,
          ]);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("evaluation never throws (property)", () => {
  it("on arbitrary JSON results, attributes and record fields", () => {
    const wild = fc.record({
      name: fc.oneof(fc.string(), fc.jsonValue()),
      thing: fc.jsonValue(),
      quantity: fc.jsonValue(),
      system: fc.jsonValue(),
      client: fc.jsonValue(),
      time: fc.jsonValue(),
      resultTime: fc.jsonValue(),
      result: fc.jsonValue(),
      attributes: fc.jsonValue(),
    }) as unknown as fc.Arbitrary<FilterRecord>;
    fc.assert(
      fc.property(queryArbitrary, fc.oneof(wild, recordArbitrary), (q, r) => {
        const stats = createStats();
        expect(() => compileQuery(q).test(r, stats)).not.toThrow();
        expect(stats.internalError).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("on anything at all as the record", () => {
    fc.assert(
      fc.property(queryArbitrary, fc.anything(), (q, r) => {
        expect(() => compileQuery(q).test(r as FilterRecord)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

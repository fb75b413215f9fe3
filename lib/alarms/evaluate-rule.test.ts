import { describe, expect, it } from "vitest";
import {
  conditionHolds,
  describeCondition,
  nextState,
  type RuleCondition,
  type RuleState,
  stepRule,
} from "./evaluate-rule";

function run(rule: RuleCondition, records: [number, unknown][]) {
  let state: RuleState = { conditionSince: null, open: false };
  const actions: string[] = [];
  for (const [time, result] of records) {
    const step = stepRule(rule, state, { time, result });
    actions.push(step.action);
    state = nextState(state, step);
  }
  return { actions, state };
}

describe("alarm rules", () => {
  const above = { kind: "above" as const, threshold: 30, holdSeconds: 10 };

  it("raise only once the condition held for the hold time, then repeat, then clear", () => {
    const { actions } = run(above, [
      [0, 31],
      [5_000, 32],
      [10_000, 33],
      [11_000, 34],
      [12_000, 20],
    ]);
    expect(actions).toEqual(["arm", "none", "raise", "repeat", "clear"]);
  });

  it("start holding anew after a break", () => {
    const { actions } = run(above, [
      [0, 31],
      [5_000, 29],
      [9_000, 31],
      [15_000, 31],
      [19_000, 31],
    ]);
    expect(actions).toEqual(["arm", "disarm", "arm", "none", "raise"]);
  });

  it("raise at once without a hold time, and never twice while open", () => {
    const { actions } = run({ ...above, holdSeconds: 0 }, [
      [0, 31],
      [1, 31],
      [2, 31],
    ]);
    expect(actions).toEqual(["raise", "repeat", "repeat"]);
  });

  it("judge bands, values and the wrong kind of result", () => {
    expect(conditionHolds({ kind: "outside", low: 0, high: 10, holdSeconds: 0 }, 11)).toBe(true);
    expect(conditionHolds({ kind: "outside", low: 0, high: 10, holdSeconds: 0 }, 5)).toBe(false);
    expect(conditionHolds({ kind: "below", threshold: 0, holdSeconds: 0 }, -1)).toBe(true);
    expect(conditionHolds({ kind: "equals", value: "true", holdSeconds: 0 }, true)).toBe(true);
    expect(conditionHolds({ kind: "equals", value: "icy", holdSeconds: 0 }, "dry")).toBe(false);
    expect(conditionHolds(above, "31")).toBe(false);
    expect(describeCondition({ ...above, unit: "degC" })).toBe("above 30 degC for 10 s");
  });
});

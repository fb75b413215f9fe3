// Whether a record meets an alarm rule, and what that does to the rule's alarm: pure, so the evaluator's decisions
// can be tested record by record. Times are phenomenon times: "held for N seconds" is about what was measured.

export type AlarmKind = "above" | "below" | "outside" | "equals" | "silent";

export interface RuleCondition {
  kind: AlarmKind;
  threshold?: number | null;
  low?: number | null;
  high?: number | null;
  value?: string | null;
  holdSeconds: number;
}

export interface RuleState {
  /** Since when the condition has held without a break (epoch ms), or null. */
  conditionSince: number | null;
  /** Whether the rule's alarm is open. */
  open: boolean;
}

export type RuleStep =
  | { action: "none" }
  /** The condition started to hold: remember since when (no alarm yet while it has not held long enough). */
  | { action: "arm"; since: number }
  | { action: "raise"; since: number }
  /** Held on while open: the open alarm is updated (never a second one). */
  | { action: "repeat" }
  /** No longer holds: forget since when, and clear the alarm if open. */
  | { action: "disarm" }
  | { action: "clear" };

/** Whether a result meets the condition; a result of the wrong kind (text for a threshold) does not. */
export function conditionHolds(rule: RuleCondition, result: unknown): boolean {
  const n = typeof result === "number" ? result : typeof result === "boolean" ? (result ? 1 : 0) : Number.NaN;
  switch (rule.kind) {
    case "above":
      return rule.threshold != null && n > rule.threshold;
    case "below":
      return rule.threshold != null && n < rule.threshold;
    case "outside":
      return rule.low != null && rule.high != null && (n < rule.low || n > rule.high);
    case "equals":
      return rule.value != null && String(result) === rule.value;
    case "silent":
      return false; // judged by time since the last record, not by a record
  }
}

/** What one record does to a rule in `state`. */
export function stepRule(rule: RuleCondition, state: RuleState, record: { time: number; result: unknown }): RuleStep {
  if (!conditionHolds(rule, record.result)) {
    if (state.open) return { action: "clear" };
    return state.conditionSince === null ? { action: "none" } : { action: "disarm" };
  }
  if (state.open) return { action: "repeat" };
  const since = state.conditionSince ?? record.time;
  if (record.time - since >= rule.holdSeconds * 1000) return { action: "raise", since };
  return state.conditionSince === null ? { action: "arm", since } : { action: "none" };
}

/** The state after a step. */
export function nextState(state: RuleState, step: RuleStep): RuleState {
  switch (step.action) {
    case "none":
    case "repeat":
      return state;
    case "arm":
      return { conditionSince: step.since, open: false };
    case "raise":
      return { conditionSince: step.since, open: true };
    case "disarm":
    case "clear":
      return { conditionSince: null, open: false };
  }
}

/** Words for an alarm's message: "Air Temperature above 30 for 10 s (was 31.2)". */
export function describeCondition(rule: RuleCondition & { unit?: string }): string {
  const unit = rule.unit ? ` ${rule.unit}` : "";
  const hold = rule.holdSeconds > 0 ? ` for ${rule.holdSeconds} s` : "";
  switch (rule.kind) {
    case "above":
      return `above ${rule.threshold}${unit}${hold}`;
    case "below":
      return `below ${rule.threshold}${unit}${hold}`;
    case "outside":
      return `outside ${rule.low}–${rule.high}${unit}${hold}`;
    case "equals":
      return `equal to ${rule.value}${hold}`;
    case "silent":
      return `silent for ${rule.holdSeconds} s`;
  }
}

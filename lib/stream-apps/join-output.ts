// A join's declared output, pure so the worker and the draft test judge pairs alike: the WHERE on the pair, the value
// expression, and the record of the output datastream it becomes (encoded as the SDK encodes any observation).
import {
  compileJoinCondition,
  compileJoinExpression,
  createStats,
  type FilterStats,
  parseJoinCondition,
  parseJoinExpression,
} from "../filter-language";
import type { JoinPair } from "../join/types";
import type { DatastreamInfo } from "../sdk/datastream-info";
import { observationMessage } from "../sdk/observation-record";
import type { JoinSpec } from "./join-spec";
import type { JoinPayload } from "./runner/join-payload";

export interface JoinOutputStats extends FilterStats {
  /** Pairs the WHERE left out. */
  notSelected: number;
  /** Pairs whose value was missing or did not fit the output datastream's type. */
  noValue: number;
}

export function createJoinOutputStats(): JoinOutputStats {
  return { ...createStats(), notSelected: 0, noValue: 0 };
}

export interface JoinOutputMessage {
  key: string;
  value: string;
  timestampMs: number;
  result: unknown;
}

export type JoinOutput = (pair: JoinPair<JoinPayload>, stats: JoinOutputStats) => JoinOutputMessage | undefined;

/**
 * The output of each pair: undefined when the WHERE leaves it out or it has no value (counted). The record's
 * phenomenon time is the pair's time (the later of the two), its result time the later of the two result times (so a
 * pair's record is the same whenever and however often it is computed), and its attributes name the two records.
 */
export function createJoinOutput(output: JoinSpec["output"], info: DatastreamInfo): JoinOutput {
  const value = compileJoinExpression(parseJoinExpression(output.value));
  const where = output.where.trim() === "" ? undefined : compileJoinCondition(parseJoinCondition(output.where));
  return (pair, stats) => {
    const sides = { left: pair.left.payload, right: pair.right.payload };
    if (where && !where.test(sides, stats)) {
      stats.notSelected++;
      return undefined;
    }
    const result = value.value(sides, stats);
    if (result === null) {
      stats.noValue++;
      return undefined;
    }
    const resultTime = Math.max(
      pair.left.payload.resultTime ?? pair.left.time,
      pair.right.payload.resultTime ?? pair.right.time,
    );
    try {
      const message = observationMessage(
        info,
        result,
        {
          phenomenonTime: new Date(pair.time).toISOString(),
          attributes: { pair: pair.key, left: pair.left.payload.name, right: pair.right.payload.name },
        },
        new Date(resultTime),
      );
      return { key: info.fullName, value: message.value, timestampMs: message.timestampMs ?? 0, result };
    } catch {
      stats.typeMismatch++;
      stats.noValue++;
      return undefined;
    }
  };
}

// Rhei's filter language: which records of its sources a stream app keeps, and the value and condition
// expressions of a time-series join. Pure TypeScript (no Node, no I/O), shared by the SDK, the console (browser and
// server) and the stream-app worker. Reference: docs/filter-language.md.
export type * from "./ast";
export { checkJoinCondition, checkJoinExpression, type JoinCheckResult, type JoinSources } from "./check-join";
export { type CheckResult, checkQuery } from "./check-query";
export { type CompiledQuery, compileQuery, evaluate } from "./compile-query";
export type { Diagnostic } from "./diagnostic";
export {
  type CompiledJoinCondition,
  type CompiledJoinExpression,
  compileJoinCondition,
  compileJoinExpression,
  evaluateCondition,
  evaluateValue,
  type JoinValue,
} from "./evaluate-join";
export { type Explanation, explainSelection } from "./explain";
export { EARTH_RADIUS_KM, FUNCTION_NAMES, haversineKm } from "./functions";
export { parseIsoTime } from "./iso-time";
export { KEY_NAMES } from "./keys";
export { parseJoinCondition, parseJoinExpression } from "./parse-join";
export { parseQuery } from "./parse-query";
export { MAX_DEPTH, MAX_QUERY_LENGTH } from "./parser-base";
export { printExpression, printQuery } from "./printer";
export { createStats, type FilterRecord, type FilterStats, type JoinPair } from "./runtime";
export { OBSERVATION_TYPES, type ObservationType, type SourceDatastream } from "./source-datastream";
export type { StaticType } from "./static-types";
export { stripSpans } from "./strip-spans";
export { FilterSyntaxError } from "./syntax-error";
export { matchesSystemPattern, sourceMatches, systemPatternProblem } from "./system-pattern";

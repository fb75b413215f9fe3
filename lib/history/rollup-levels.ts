import { ROLLUP_LEVELS } from "./choose-rollup-level";

/** The bucket lengths the rollup job keeps (ms), as the table stores the level: a second, a minute, an hour. */
export const ROLLUP_LEVEL_MS: readonly number[] = ROLLUP_LEVELS.map((l) => l.durationMs);

/** The start of the bucket of `level` ms holding time t (floor, also below 1970). */
export function bucketOf(t: number, level: number): number {
  return Math.floor(t / level) * level;
}

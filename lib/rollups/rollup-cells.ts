import { type Aggregate, addSample, emptyAggregate } from "../history/aggregate";
import { bucketOf, ROLLUP_LEVEL_MS } from "../history/rollup-levels";

/** One rollup row to add to what the table holds: a datastream's bucket at one level. */
export interface RollupCell extends Aggregate {
  datastreamId: string;
  level: number;
  bucketStart: number;
  /** Every record that counts, numeric or not (`count` is the numeric ones). */
  records: number;
  late: number;
}

/**
 * The rollup rows of one batch of records, gathered in memory (a batch of thousands of records of one datastream
 * touches a handful of buckets) before they are added to the table in one statement.
 */
export class RollupCells {
  private readonly cells = new Map<string, RollupCell>();
  // The cell each level touched last: records come in time order mostly, so most find theirs without a map lookup.
  private readonly lastCells: (RollupCell | undefined)[] = [];

  constructor(private readonly levels: readonly number[] = ROLLUP_LEVEL_MS) {}

  /** A record that counts: its phenomenon time and numeric value (undefined: counted, not aggregated). */
  add(datastreamId: string, time: number, value: number | undefined): void {
    for (let i = 0; i < this.levels.length; i++) {
      const level = this.levels[i] as number;
      const recent = this.lastCells[i];
      const cell =
        recent &&
        recent.datastreamId === datastreamId &&
        time >= recent.bucketStart &&
        time < recent.bucketStart + level
          ? recent
          : this.cellOf(datastreamId, level, time);
      this.lastCells[i] = cell;
      cell.records++;
      if (value !== undefined) addSample(cell, time, value);
    }
  }

  /** A record left out as late: counted in its bucket, so charts can say how many. */
  addLate(datastreamId: string, time: number): void {
    for (const level of this.levels) this.cellOf(datastreamId, level, time).late++;
  }

  get size(): number {
    return this.cells.size;
  }

  list(): RollupCell[] {
    return [...this.cells.values()];
  }

  private cellOf(datastreamId: string, level: number, time: number): RollupCell {
    const bucketStart = bucketOf(time, level);
    const key = `${datastreamId}|${level}|${bucketStart}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { ...emptyAggregate(), datastreamId, level, bucketStart, records: 0, late: 0 };
      this.cells.set(key, cell);
    }
    return cell;
  }
}

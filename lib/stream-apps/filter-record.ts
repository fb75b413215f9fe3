import type { FilterRecord } from "../filter-language";
import type { RheiRecord } from "../sdk/rhei-record";

/**
 * A decoded record as the filter language reads it (times as epoch milliseconds), read lazily: a query that never
 * looks at `resultTime` never parses it, and one parse of `time` serves the query and the output's timestamp.
 */
export class RecordView implements FilterRecord {
  private parsedTime: number | undefined;
  private parsedResultTime: number | undefined | null = null;

  constructor(readonly record: RheiRecord) {}

  get name(): string {
    return this.record.datastream.fullName;
  }

  get time(): number {
    this.parsedTime ??= Date.parse(this.record.phenomenonTime);
    return this.parsedTime;
  }

  get resultTime(): number | undefined {
    if (this.parsedResultTime === null) {
      const t = Date.parse(this.record.resultTime);
      this.parsedResultTime = Number.isFinite(t) ? t : undefined;
    }
    return this.parsedResultTime;
  }

  get result(): unknown {
    return this.record.result;
  }

  get attributes(): Record<string, unknown> | undefined {
    return this.record.attributes;
  }
}

/** A decoded record as the filter language reads it. */
export function toFilterRecord(r: RheiRecord): FilterRecord {
  return new RecordView(r);
}

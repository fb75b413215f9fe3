import { describe, expect, it } from "vitest";
import { parseCsv } from "@/test/parse-csv";
import { csvColumnTitle, csvEncoder, jsonEncoder, ndjsonEncoder } from "./export-encoders";
import type { TraceDatastream, TraceRecord } from "./trace-datastream";

const ds = (
  id: string,
  name: string,
  observationType: TraceDatastream["observationType"],
  symbol = "",
): TraceDatastream => ({
  id,
  name,
  fullName: `cz.icecars.fleet.Car1.Main.${name}`,
  systemId: "s",
  systemName: "cz.icecars.fleet.Car1",
  topic: "cz.icecars.fleet.Car1.int",
  observationType,
  unit: { name: symbol, symbol },
});
const temperature = ds("a", "temperature", "Measurement", "degC");
const road = ds("b", "road", "Category");

const record = (d: TraceDatastream, time: string, result: unknown, offset: number): TraceRecord => ({
  time: Date.parse(time),
  name: d.fullName,
  topic: d.topic,
  partition: 0,
  offset: String(offset),
  datastreamId: d.id,
  phenomenonTime: time,
  resultTime: time,
  result,
});

const t1 = "2026-11-25T10:00:00.000000Z";
const t2 = "2026-11-25T10:00:01.000000Z";
const records = [
  record(temperature, t1, -3.5, 1),
  record(road, t1, "=icy", 2),
  record(temperature, t1, -3.25, 3),
  record(road, t2, 'wet, "very"', 4),
];

describe("export encoders", () => {
  it("write CSV with a column per datastream titled with unit and type, records of a time on one row", () => {
    const e = csvEncoder([temperature, road], "semicolon");
    const text =
      e.head() +
      e.add(records.slice(0, 2)) +
      e.add(records.slice(2)) +
      e.end({ records: 4, late: 0, filtered: 0, rejected: 0 });
    expect(text.split("\r\n")[0]).toBe(
      "time;cz.icecars.fleet.Car1.Main.temperature [degC] (Measurement);cz.icecars.fleet.Car1.Main.road (Category)",
    );
    expect(csvColumnTitle(road)).toBe("cz.icecars.fleet.Car1.Main.road (Category)");
    const comma = csvEncoder([temperature, road], "comma");
    const rows = parseCsv(
      comma.head() + comma.add(records) + comma.end({ records: 4, late: 0, filtered: 0, rejected: 0 }),
    );
    expect(rows.slice(1)).toEqual([
      [t1, "-3.5", "'=icy"],
      [t1, "-3.25", ""],
      [t2, "", 'wet, "very"'],
    ]);
  });

  it("write NDJSON and JSON records as the API has them, JSON with the counts at the end", () => {
    const nd = ndjsonEncoder();
    const lines = nd
      .add(records)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      time: t1,
      resultTime: t1,
      datastreamId: "a",
      datastream: temperature.fullName,
      result: -3.5,
      topic: temperature.topic,
      partition: 0,
      offset: "1",
    });
    const j = jsonEncoder({ from: t1, to: t2 }, [temperature]);
    const doc = JSON.parse(
      j.head() +
        j.add(records.slice(0, 1)) +
        j.add(records.slice(1, 2)) +
        j.end({ records: 2, late: 1, filtered: 0, rejected: 0 }),
    );
    expect(doc.records.map((r: { result: unknown }) => r.result)).toEqual([-3.5, "=icy"]);
    expect(doc).toMatchObject({ count: 2, skipped: { late: 1 }, datastreams: [{ id: "a", unit: { symbol: "degC" } }] });
    const empty = jsonEncoder({ from: t1, to: t2 }, []);
    expect(JSON.parse(empty.head() + empty.end({ records: 0, late: 0, filtered: 0, rejected: 0 })).records).toEqual([]);
  });
});

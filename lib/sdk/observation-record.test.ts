import { describe, expect, it } from "vitest";
import type { DatastreamInfo } from "./datastream-info";
import { sdkErrorFromKafka } from "./kafka-failure";
import { MAX_RECORD_BYTES, observationMessage, observationRecord, RETENTION_MARGIN_MS } from "./observation-record";

const unit = { name: "DegreeCelsius", symbol: "degC", definition: "" };
const temperature: DatastreamInfo = {
  name: "Air Temperature",
  fullName: "cz.icecars.fleet.Car1.Main.Air Temperature",
  observationType: "Measurement",
  unit,
};
const now = new Date("2026-11-25T10:00:00.123Z");

describe("observationRecord", () => {
  it("writes the canonical record: coerced result, canonical times, attributes as given", () => {
    const text = observationRecord(
      temperature,
      "-3.5",
      { phenomenonTime: 1700000000123456n, attributes: { q: 0 } },
      now,
    );
    expect(JSON.parse(text)).toEqual({
      phenomenonTime: "2023-11-14T22:13:20.123456Z",
      resultTime: "2026-11-25T10:00:00.123000Z",
      datastream: { name: temperature.fullName },
      result: -3.5,
      attributes: { q: 0 },
    });
  });
  it("takes now as the phenomenon time when none is given", () => {
    expect(JSON.parse(observationRecord(temperature, 1, {}, now)).phenomenonTime).toBe("2026-11-25T10:00:00.123000Z");
  });
  it("refuses bad attributes, bad times and oversized records, naming the datastream", () => {
    expect(() => observationRecord(temperature, 1, { attributes: [] as never })).toThrow(
      `Datastream "${temperature.fullName}": attributes must be a plain JSON object`,
    );
    expect(() => observationRecord(temperature, 1, { phenomenonTime: "soon" })).toThrow(/"soon" is not a time/);
    const huge = { blob: "x".repeat(MAX_RECORD_BYTES) };
    expect(() => observationRecord(temperature, 1, { attributes: huge })).toThrow(/bytes is over 1000000/);
  });
  it("stamps the message with the phenomenon time in whole milliseconds, the producer's clock before 1970", () => {
    const stamped = observationMessage(temperature, 1, { phenomenonTime: 1700000000123456n }, now);
    expect(stamped.timestampMs).toBe(1_700_000_000_123);
    expect(observationMessage(temperature, 1, {}, now).timestampMs).toBe(now.getTime());
    expect(observationMessage(temperature, 1, { phenomenonTime: "1969-12-31T23:59:59Z" }, now).timestampMs).toBe(
      undefined,
    );
  });
  it("refuses a phenomenon time its system's topics would not keep, when it knows their retention", () => {
    const day = 86_400_000;
    const kept = { ...temperature, retentionMs: 14 * day };
    const edge = now.getTime() - 14 * day + RETENTION_MARGIN_MS;
    expect(observationMessage(kept, 1, { phenomenonTime: new Date(edge) }, now).timestampMs).toBe(edge);
    expect(() => observationMessage(kept, 1, { phenomenonTime: new Date(edge - 1) }, now)).toThrow(
      expect.objectContaining({
        code: "invalid-time",
        message: expect.stringMatching(/older than its system keeps records \(14 days\)/),
      }),
    );
    expect(() => observationMessage(kept, 1, { phenomenonTime: "1969-12-31T23:59:59Z" }, now)).toThrow(/14 days/);
    // Without a known retention (a catalog from a file) the broker's check is the only one.
    expect(observationMessage(temperature, 1, { phenomenonTime: 1700000000 }, now).timestampMs).toBe(1_700_000_000_000);
  });
  it("names the broker's refusal of an old timestamp as a time problem, not a Kafka failure", () => {
    const refused = Object.assign(new Error("Producing messages failed"), {
      errors: [
        Object.assign(new Error("The timestamp of the message is out of acceptable range"), {
          type: "INVALID_TIMESTAMP",
        }),
      ],
    });
    expect(sdkErrorFromKafka(refused, "2 record(s) not sent")).toMatchObject({
      code: "invalid-time",
      message: expect.stringMatching(/^2 record\(s\) not sent: Kafka refused the records: a phenomenon time is older/),
    });
  });
});

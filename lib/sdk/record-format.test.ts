import { describe, expect, it } from "vitest";
import { attributesProblem, decodeRecord, encodeRecord } from "./record-format";
import { RAW_LIMIT } from "./rejected-record";

const name = "cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature";
const origin = { topic: "cz.icecars.iot4cps-wp5-CarFleet.Car1.int", partition: 2, offset: "41" };
const t = "2026-11-25T10:00:00.123456Z";

function decoded(value: unknown, options = {}) {
  const result = decodeRecord(typeof value === "string" ? value : JSON.stringify(value), origin, options);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.reason}`);
  return result.record;
}
function rejected(value: unknown, options = {}) {
  const result = decodeRecord(
    typeof value === "string" || value === null ? (value as string | null) : JSON.stringify(value),
    origin,
    options,
  );
  if (result.ok) throw new Error("expected a rejection");
  return result.rejection;
}

describe("the canonical record", () => {
  it("round-trips, attributes and falsy attribute values included", () => {
    const attributes = { zero: 0, zeroFloat: 0.0, no: false, empty: "", nothing: null, nested: { a: 0 } };
    const text = encodeRecord({ name, phenomenonTime: t, resultTime: t, result: 0, attributes });
    expect(JSON.parse(text)).toEqual({ phenomenonTime: t, resultTime: t, datastream: { name }, result: 0, attributes });
    expect(decoded(text)).toEqual({ name, phenomenonTime: t, resultTime: t, result: 0, attributes, format: "rhei" });
  });
  it("leaves attributes out when there are none", () => {
    const text = encodeRecord({ name, phenomenonTime: t, resultTime: t, result: 2.5 });
    expect(text).toBe(`{"phenomenonTime":"${t}","resultTime":"${t}","datastream":{"name":"${name}"},"result":2.5}`);
    expect(decoded(text).attributes).toBeUndefined();
  });
  it("reads epoch and zone-less times and defaults resultTime to phenomenonTime", () => {
    const record = decoded({ phenomenonTime: 1700000000123456, datastream: { name }, result: 1 });
    expect(record.phenomenonTime).toBe("2023-11-14T22:13:20.123456Z");
    expect(record.resultTime).toBe(record.phenomenonTime);
    expect(
      decoded({ phenomenonTime: "2023-11-14T22:13:20.123456", datastream: { name }, result: 1 }).phenomenonTime,
    ).toBe("2023-11-14T22:13:20.123456Z");
  });
});

describe("legacy format (a): Datastream @iot.id", () => {
  const legacy = {
    phenomenonTime: "2019-05-08T12:34:56.123456+00:00",
    resultTime: "2019-05-08T12:34:56.200000+00:00",
    Datastream: { "@iot.id": 11 },
    result: 2.98,
    longitude: 0,
    latitude: 47.8,
  };
  it("maps the id through the client's mapping and keeps extra fields as attributes, 0 included", () => {
    expect(decoded(legacy, { legacyDatastreamIds: { "11": name } })).toEqual({
      name,
      phenomenonTime: "2019-05-08T12:34:56.123456Z",
      resultTime: "2019-05-08T12:34:56.200000Z",
      result: 2.98,
      attributes: { longitude: 0, latitude: 47.8 },
      format: "legacy-iot-id",
    });
  });
  it("rejects an id without a mapping, naming the id", () => {
    expect(rejected(legacy).reason).toBe(
      "legacy record names Datastream @iot.id 11, which has no mapping (legacyDatastreamIds)",
    );
  });
});

describe("legacy format (b) [DN]: datastream {quantity, client_app, system, thing}", () => {
  it("builds the full name and keeps falsy attributes", () => {
    const record = decoded({
      phenomenonTime: t,
      resultTime: t,
      datastream: {
        quantity: "Air Temperature",
        client_app: "car_1",
        system: "cz.icecars.iot4cps-wp5-CarFleet.Car1",
        thing: "Main",
      },
      result: -1.5,
      attributes: { speed: 0.0, moving: false, note: "" },
    });
    expect(record).toEqual({
      name,
      phenomenonTime: t,
      resultTime: t,
      result: -1.5,
      attributes: { speed: 0, moving: false, note: "" },
      format: "legacy-dn",
    });
  });
  it("rejects a DN datastream with missing parts", () => {
    expect(rejected({ phenomenonTime: t, datastream: { quantity: "x", system: "a.b.c.d" }, result: 1 }).reason).toMatch(
      /three strings/,
    );
  });
});

describe("rejections", () => {
  it("say why, and keep the origin and the claimed name", () => {
    const r = rejected({ phenomenonTime: "yesterday", datastream: { name }, result: 1 });
    expect(r).toMatchObject({ topic: origin.topic, partition: 2, offset: "41", claimedName: name });
    expect(r.reason).toMatch(/^phenomenonTime: "yesterday" is not a time/);
    expect(r.raw).toContain("yesterday");
    expect(Date.parse(r.rejectedAt)).not.toBeNaN();
  });
  it("cover every way a message can be wrong", () => {
    expect(rejected("{not json").reason).toMatch(/^not JSON/);
    expect(rejected(null).reason).toBe("empty message");
    expect(rejected("").reason).toBe("empty message");
    expect(rejected([1, 2]).reason).toBe("not a JSON object");
    expect(rejected({ phenomenonTime: t, result: 1 }).reason).toMatch(/^no datastream/);
    expect(rejected({ phenomenonTime: t, datastream: { name }, attributes: 3, result: 1 }).reason).toMatch(
      /attributes/,
    );
    expect(rejected({ phenomenonTime: t, datastream: { name } }).reason).toBe("no result");
    expect(rejected({ datastream: { name }, result: 1 }).reason).toBe("no phenomenonTime");
    expect(rejected({ phenomenonTime: t, datastream: { name: "a.b.c" }, result: 1 }).reason).toMatch(
      /not a full datastream name/,
    );
    expect(rejected({ phenomenonTime: t, resultTime: -3, datastream: { name }, result: 1 }).reason).toMatch(
      /^resultTime/,
    );
  });
  it("truncate the raw message", () => {
    const r = rejected({ phenomenonTime: t, datastream: { name }, pad: "x".repeat(5000) });
    expect(r.raw.length).toBe(RAW_LIMIT);
  });
});

describe("attributesProblem", () => {
  it("accepts plain JSON objects only", () => {
    expect(attributesProblem({ a: 0, b: [false, ""] })).toBeUndefined();
    expect(attributesProblem([1])).toMatch(/plain JSON object/);
    expect(attributesProblem({ d: new Date() })).toMatch(/attributes.d is not a plain object/);
    expect(attributesProblem({ n: Number.NaN })).toMatch(/not a finite number/);
  });
});

import { describe, expect, it } from "vitest";
import { parseBroker } from "./connection-config";

describe("parseBroker", () => {
  it("reads host and port", () => {
    expect(parseBroker("127.0.0.1:19092")).toEqual({ host: "127.0.0.1", port: 19092 });
    expect(parseBroker("kafka-0.internal:9093")).toEqual({ host: "kafka-0.internal", port: 9093 });
  });
  it("refuses addresses without a usable port", () => {
    for (const bad of ["localhost", ":9092", "host:", "host:99999", "host:abc"])
      expect(() => parseBroker(bad), bad).toThrow(/host:port/);
  });
});

import { describe, expect, it } from "vitest";
import { checkKafka } from "../kafka/check-kafka";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { checkHealth } from "./check-health";
import { publicHealth } from "./public-health";

describe("health", () => {
  it("reports the real PostgreSQL and Kafka as up", async () => {
    const health = await checkHealth(0);
    expect(health.ok).toBe(true);
    expect(health.services.postgresql).toMatchObject({ up: true, detail: expect.stringMatching(/^PostgreSQL 15/) });
    expect(health.services.kafka).toMatchObject({ up: true, detail: expect.stringMatching(/1 broker/) });
  });

  it("reports a broker that does not answer as down, with the reason, within its timeout", async () => {
    const started = Date.now();
    const health = await checkKafka({ ...consoleKafkaConfig(), brokers: ["127.0.0.1:1"] }, 1500);
    expect(health).toMatchObject({ up: false, kind: "unavailable" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("hides reasons and details from anonymous callers", async () => {
    const health = await checkHealth(0);
    const anonymous = publicHealth(health, false);
    expect(anonymous.services.kafka).toMatchObject({ up: true, detail: "" });
    expect(JSON.stringify(anonymous)).not.toContain("cluster");
  });
});

import { describe, expect, it } from "vitest";
import { isRetriableKafkaError, retryRetriable } from "./retry-retriable";

const notYet = () =>
  Object.assign(new Error("This server does not host this topic-partition"), {
    type: "UNKNOWN_TOPIC_OR_PARTITION",
  });

describe("retryRetriable", () => {
  const noWait = { sleep: async () => undefined };

  it("retries Kafka's 'not yet' answers until the request succeeds", async () => {
    let calls = 0;
    const result = await retryRetriable(async () => {
      calls++;
      if (calls < 3) throw notYet();
      return "done";
    }, noWait);
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("gives up after the bound with the last error", async () => {
    let calls = 0;
    const waits: number[] = [];
    await expect(
      retryRetriable(
        async () => {
          calls++;
          throw notYet();
        },
        { attempts: 4, initialDelayMs: 50, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toMatchObject({ type: "UNKNOWN_TOPIC_OR_PARTITION" });
    expect(calls).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it("does not retry refusals or other errors", async () => {
    let calls = 0;
    const denied = Object.assign(new Error("denied"), { type: "TOPIC_AUTHORIZATION_FAILED" });
    await expect(
      retryRetriable(async () => {
        calls++;
        throw denied;
      }, noWait),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it("finds a retriable error wrapped by kafkajs", () => {
    expect(isRetriableKafkaError({ name: "KafkaJSNumberOfRetriesExceeded", originalError: notYet() })).toBe(true);
    expect(isRetriableKafkaError({ name: "KafkaJSAggregateError", errors: [{ type: "LEADER_NOT_AVAILABLE" }] })).toBe(
      true,
    );
    expect(isRetriableKafkaError(new Error("plain"))).toBe(false);
    expect(isRetriableKafkaError(undefined)).toBe(false);
  });
});

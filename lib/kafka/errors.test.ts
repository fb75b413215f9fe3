import { describe, expect, it } from "vitest";
import { KafkaError, kafkaErrorKind } from "./errors";

describe("kafkaErrorKind", () => {
  it("finds an authorization failure wrapped in kafkajs' retry error", () => {
    const inner = Object.assign(new Error("Not authorized to access topics: [Topic authorization failed]"), {
      name: "KafkaJSProtocolError",
      type: "TOPIC_AUTHORIZATION_FAILED",
    });
    const outer = Object.assign(new Error("retries exceeded"), {
      name: "KafkaJSNumberOfRetriesExceeded",
      originalError: inner,
    });
    expect(kafkaErrorKind(outer)).toBe("authorization");
  });

  it("tells authentication from unavailability", () => {
    expect(
      kafkaErrorKind(
        Object.assign(new Error("SASL SCRAM SHA512 authentication failed"), { name: "KafkaJSSASLAuthenticationError" }),
      ),
    ).toBe("authentication");
    expect(
      kafkaErrorKind(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { name: "KafkaJSConnectionError" })),
    ).toBe("unavailable");
  });

  it("keeps the kind of an error already translated, and calls the unknown 'other'", () => {
    expect(kafkaErrorKind(new KafkaError("not-found", "x"))).toBe("not-found");
    expect(kafkaErrorKind(new Error("something odd"))).toBe("other");
    expect(kafkaErrorKind("a string")).toBe("other");
  });
});

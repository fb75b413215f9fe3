import { describe, expect, it } from "vitest";
import { clientPrincipal, kafkaPrincipal, streamAppPrincipal, transactionalIdFor } from "./principals";
import { systemDataTopics, systemTopicNames, systemTopics, topicOwner } from "./system-topics";

describe("topology", () => {
  const system = "cz.icecars.iot4cps-wp5-CarFleet.Car1";

  it("names a system's three topics and its data topics", () => {
    expect(systemTopics(system)).toEqual({ int: `${system}.int`, ext: `${system}.ext`, log: `${system}.log` });
    expect(systemTopicNames(system)).toEqual([`${system}.int`, `${system}.ext`, `${system}.log`]);
    expect(systemDataTopics(system)).toEqual([`${system}.int`, `${system}.ext`]);
  });

  it("finds the system a topic belongs to, and nothing for other topics", () => {
    expect(topicOwner(`${system}.int`)).toEqual({ system, kind: "int" });
    expect(topicOwner(`${system}.log`)).toEqual({ system, kind: "log" });
    expect(topicOwner("__consumer_offsets")).toBeUndefined();
    expect(topicOwner("a.b.c.int")).toBeUndefined();
    expect(topicOwner(`${system}.car_1.int`)).toBeUndefined();
  });

  it("keeps client, stream-app and transactional names apart", () => {
    expect(clientPrincipal(system, "car_1")).toBe(`${system}.car_1`);
    expect(kafkaPrincipal("x")).toBe("User:x");
    const app = streamAppPrincipal("cz.icecars", "car1analytics");
    expect(app).toBe("cz.icecars.app_car1analytics");
    expect(transactionalIdFor(app, `${system}.int`, 2)).toBe(`${app}.tx.${system}.int.2`);
    // An app's principal never parses as a system's topic.
    expect(topicOwner(`${app}.int`)).toBeUndefined();
    expect(topicOwner(`${app}.state`)).toBeUndefined();
  });
});

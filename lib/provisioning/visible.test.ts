import { describe, expect, it } from "vitest";
import { kafkaPrincipal } from "../topology/principals";
import { clientAcls } from "./layout";
import type { ObservedCluster } from "./types";
import { actionVisible, subjectsOf } from "./visible";

const acls = clientAcls("d.e.w.s", "d.e.w.s.c");
const observed = (): ObservedCluster => ({
  topics: new Map([["d.e.w.s.int", { partitions: 3, replicationFactor: 1, configs: { "retention.ms": "1000" } }]]),
  aclsByPrincipal: new Map([[kafkaPrincipal("d.e.w.s.c"), acls.slice(0, 2)]]),
  scramUsers: new Set(["d.e.w.s.c"]),
});

describe("actionVisible", () => {
  it("tells whether the cluster shows each kind of change", () => {
    const o = observed();
    const settings = { partitions: 3, replicationFactor: 1, configs: {} };
    expect(actionVisible({ kind: "create-topic", topic: "d.e.w.s.int", settings }, o)).toBe(true);
    expect(actionVisible({ kind: "create-topic", topic: "d.e.w.s.ext", settings }, o)).toBe(false);
    expect(actionVisible({ kind: "delete-topic", topic: "d.e.w.s.ext" }, o)).toBe(true);
    expect(actionVisible({ kind: "create-partitions", topic: "d.e.w.s.int", count: 4 }, o)).toBe(false);
    expect(
      actionVisible({ kind: "alter-topic-configs", topic: "d.e.w.s.int", set: { "retention.ms": "1000" } }, o),
    ).toBe(true);
    expect(actionVisible({ kind: "create-acls", bindings: acls.slice(0, 2) }, o)).toBe(true);
    expect(actionVisible({ kind: "create-acls", bindings: acls }, o)).toBe(false);
    expect(actionVisible({ kind: "delete-acls", bindings: acls.slice(2) }, o)).toBe(true);
    expect(actionVisible({ kind: "delete-acls", bindings: acls }, o)).toBe(false);
    expect(actionVisible({ kind: "set-credential", username: "d.e.w.s.c", clientId: "1", secretVersion: 1 }, o)).toBe(
      true,
    );
    expect(actionVisible({ kind: "delete-credential", username: "d.e.w.s.c", clientId: "1" }, o)).toBe(false);
  });

  it("names what to read again", () => {
    expect(
      subjectsOf([
        { kind: "delete-topic", topic: "t" },
        { kind: "create-acls", bindings: acls },
        { kind: "delete-credential", username: "u", clientId: null },
      ]),
    ).toEqual({ topics: ["t"], usernames: ["d.e.w.s.c", "u"] });
  });
});

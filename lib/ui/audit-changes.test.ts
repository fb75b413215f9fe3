import { describe, expect, it } from "vitest";
import { auditChanges, auditSides } from "./audit-changes";

describe("audit changes", () => {
  it("shows a deleted topic's name under Before, with nothing after", () => {
    expect(auditChanges("provisioning.topic.delete", null, { deleted: "cz.icecars.fleet.car1.int" })).toEqual([
      { path: "deleted", kind: "removed", before: "cz.icecars.fleet.car1.int" },
    ]);
    expect(auditSides("provisioning.credential.delete", undefined, { removed: "cz.icecars.fleet.car1.car_1" })).toEqual(
      {
        before: { removed: "cz.icecars.fleet.car1.car_1" },
        after: null,
      },
    );
  });

  it("keeps the observed state before the deletion, and what else the event says after", () => {
    expect(auditSides("provisioning.topic.delete", { partitions: 3 }, { deleted: "t", note: "x" })).toEqual({
      before: { partitions: 3, deleted: "t" },
      after: { note: "x" },
    });
  });

  it("leaves every other event as recorded", () => {
    expect(auditChanges("thing.delete", { name: "car1" }, null)).toEqual([
      { path: "name", kind: "removed", before: "car1" },
    ]);
    expect(auditChanges("provisioning.topic.create", null, { partitions: 3 })).toEqual([
      { path: "partitions", kind: "added", after: 3 },
    ]);
    expect(auditChanges("client.revoke", { status: "active" }, { status: "revoked" })).toEqual([
      { path: "status", kind: "changed", before: "active", after: "revoked" },
    ]);
  });
});

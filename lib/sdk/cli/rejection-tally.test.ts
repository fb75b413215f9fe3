import { describe, expect, it } from "vitest";
import { RejectionTally, reasonKind } from "./rejection-tally";

const at = (offset: string, reason: string) => ({
  reason,
  raw: "",
  topic: "d.e.w.s.int",
  partition: 0,
  offset,
  rejectedAt: "2026-12-03T10:00:00Z",
});

describe("the CLI's rejection tally", () => {
  it("says each new kind of rejection once and counts them all by kind", () => {
    const lines: string[] = [];
    const tally = new RejectionTally((l) => lines.push(l));
    tally.add(at("1", 'Datastream "d.e.w.s.t.Speed" (Count) cannot take 1.5: not an integer'));
    tally.add(at("2", 'Datastream "d.e.w.s.t.Speed" (Count) cannot take 2.5: not an integer'));
    tally.add(at("3", "not JSON: Unexpected token x in JSON at position 0"));
    expect(lines).toEqual([
      expect.stringMatching(/^rejected d\.e\.w\.s\.int\/0@1: Datastream .* not an integer \(not passed on/),
      expect.stringMatching(/^rejected d\.e\.w\.s\.int\/0@3: not JSON/),
    ]);
    expect(tally.summary()).toBe(
      'rejected 3 records: 2 × Datastream "…" (Count) cannot take n: not an integer; 1 × not JSON: Unexpected token x in JSON at position n',
    );
  });

  it("says nothing when nothing was rejected", () => {
    expect(new RejectionTally(() => undefined).summary()).toBeUndefined();
    expect(
      reasonKind("names a datastream of another system: records on a.b.c.d.int count only as data of a.b.c.d"),
    ).toBe("names a datastream of another system: records on <topic> count only as data of a.b.c.d");
  });
});

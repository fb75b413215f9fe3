import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recentMinute } from "@/test/recent-time";
import { provision, seedStreamCompany, seedStreamSystem, writeReadings } from "@/test/stream-app-world";
import { checkJoinDraft } from "./check-join-draft";
import { createStreamApp } from "./create-stream-app";
import { deployStreamApp } from "./deploy-stream-app";
import type { JoinSpecInput } from "./join-spec";
import { testJoinDraft } from "./test-join-draft";
import { updateStreamApp } from "./update-stream-app";

// Join apps through the domain operations: what is saved (the derived query, the spec, the registered output
// datastream, versions), and the bad paths, each refused with a message and the field it is about.

async function refusal(work: () => Promise<unknown>): Promise<{ code: string; message: string; fields: string[] }> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

async function setup() {
  const world = await seedStreamCompany(0);
  const a = await seedStreamSystem(world.admin, world.company.id, 1, 1);
  const b = await seedStreamSystem(world.admin, world.company.id, 1, 1);
  const target = await seedStreamSystem(world.admin, world.company.id, 1, 0);
  const spec = (over: Partial<JoinSpecInput> = {}): JoinSpecInput => ({
    inputs: [
      { name: "a", query: `SELECT * FROM ${a.name} WHERE quantity = 'T0'` },
      { name: "b", query: `SELECT * FROM ${b.name} WHERE quantity = 'T0'` },
    ],
    toleranceMs: 50,
    output: { value: "right.result - left.result", thing: "Join", datastream: "Gap", observationType: "Measurement" },
    ...over,
  });
  const create = (name: string, s: unknown) =>
    createStreamApp({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { name, kind: "join", targetSystemId: target.id, spec: s as JoinSpecInput },
    });
  return { world, a, b, target, spec, create };
}

describe("join apps", () => {
  it("saves the spec, derives the query from the inputs, registers the output datastream, and versions edits", async () => {
    const { world, a, b, target, spec, create } = await setup();
    const { app } = await create("gap", spec());
    expect(app.kind).toBe("join");
    expect(app.query).toBe(`SELECT * FROM ${a.name}, ${b.name}`);
    expect(app.spec).toMatchObject({ toleranceMs: 50, mode: "neighbours", allowedLatenessMs: 0 });
    const output = await db.datastream.findUniqueOrThrow({ where: { id: app.outputDatastreamId ?? "" } });
    expect(output).toMatchObject({ fullName: `${target.name}.Join.Gap`, observationType: "Measurement" });

    const { app: edited } = await updateStreamApp({
      actor: world.engineer.actor,
      appId: app.id,
      input: { spec: spec({ toleranceMs: 80, mode: "all" }) },
    });
    expect(edited.version).toBe(2);
    expect(edited.spec).toMatchObject({ toleranceMs: 80, mode: "all" });
    const versions = await db.streamAppVersion.findMany({ where: { appId: app.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => (v.spec as { toleranceMs: number }).toleranceMs)).toEqual([50, 80]);
    // The same spec again is no new version.
    const { app: same } = await updateStreamApp({
      actor: world.engineer.actor,
      appId: app.id,
      input: { spec: spec({ toleranceMs: 80, mode: "all" }) },
    });
    expect(same.version).toBe(2);
    await deployStreamApp({ actor: world.engineer.actor, appId: app.id });
    expect((await db.streamApp.findUniqueOrThrow({ where: { id: app.id } })).desiredState).toBe("running");
  });

  it("refuses a bad definition with the field it is about", async () => {
    const { world, target, spec, create } = await setup();
    const other = await seedStreamCompany(1);
    const foreign = other.systems[0]?.name ?? "";
    const cases: [string, unknown, RegExp, string][] = [
      ["no spec", undefined, /join needs its inputs/i, "spec"],
      ["one input", spec({ inputs: [{ name: "a", query: "SELECT * FROM *" }] }), /two or more inputs/, "spec.inputs"],
      [
        "an input named twice",
        spec({
          inputs: [
            { name: "a", query: "SELECT * FROM *" },
            { name: "a", query: "SELECT * FROM *" },
          ],
        }),
        /named twice/,
        "spec.inputs.1.name",
      ],
      ["a negative tolerance", spec({ toleranceMs: -1 }), /Tolerance: at least 0/, "spec.toleranceMs"],
      ["a tolerance over a day", spec({ toleranceMs: 86_400_001 }), /at most a day/, "spec.toleranceMs"],
      [
        "an input reading another company's system",
        spec({
          inputs: [
            { name: "a", query: `SELECT * FROM ${foreign}` },
            { name: "b", query: "SELECT * FROM *" },
          ],
        }),
        /Input a: .*neither a system of your company nor granted/,
        "spec.inputs.0.query",
      ],
      [
        "a value that does not parse",
        spec({ output: { value: "left.result +", thing: "J", datastream: "X", observationType: "Measurement" } }),
        /Output value/,
        "spec.output.value",
      ],
      [
        "a value of the wrong type",
        spec({ output: { value: "left.result > 1", thing: "J", datastream: "X", observationType: "Measurement" } }),
        /Measurement datastream does not take/,
        "spec.output.observationType",
      ],
      [
        "a WHERE that is not a condition",
        spec({
          output: { value: "1", where: "left.result", thing: "J", datastream: "X", observationType: "Measurement" },
        }),
        /WHERE/,
        "spec.output.where",
      ],
      [
        "an output type a join cannot write",
        spec({ output: { value: "1", thing: "J", datastream: "X", observationType: "Observation" as never } }),
        /One of Measurement/,
        "spec.output.observationType",
      ],
    ];
    for (const [what, s, message, field] of cases) {
      const r = await refusal(() => create(`bad-${cases.findIndex((c) => c[0] === what)}`, s));
      expect({ what, code: r.code }).toEqual({ what, code: "validation" });
      expect(r.message, what).toMatch(message);
      expect(r.fields, what).toContain(field);
    }
    // A filter app's query on a join, a join's spec on a filter app.
    expect(
      (
        await refusal(() =>
          createStreamApp({
            actor: world.engineer.actor,
            companyId: world.company.id,
            input: { name: "mixed", kind: "join", targetSystemId: target.id, query: "SELECT * FROM *", spec: spec() },
          }),
        )
      ).fields,
    ).toContain("query");
    const { app } = await create("good", spec());
    expect(
      (
        await refusal(() =>
          updateStreamApp({ actor: world.engineer.actor, appId: app.id, input: { query: "SELECT * FROM *" } }),
        )
      ).fields,
    ).toContain("query");
    // An output datastream that exists with another type.
    const clash = await refusal(() =>
      create("clash", spec({ output: { value: "1", thing: "Join", datastream: "Gap", observationType: "Count" } })),
    );
    expect(clash.message).toMatch(/exists already as a Measurement/);
    expect(clash.fields).toContain("spec.output.observationType");
  });

  it("checks a draft by field and tests it on the inputs' newest records", async () => {
    const { world, a, b, target, spec } = await setup();
    const checked = await checkJoinDraft({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: {
        targetSystemId: target.id,
        spec: spec({ output: { value: "left.nope +", thing: "J", datastream: "X", observationType: "Measurement" } }),
      },
    });
    expect(checked.ok).toBe(false);
    expect(Object.keys(checked.fieldErrors)).toEqual(["output.value"]);
    expect(checked.inputs.map((i) => i.selectCount)).toEqual([1, 1]);

    // Sources without topics yet (not provisioned): the test says why it read nothing.
    const early = await testJoinDraft({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { targetSystemId: target.id, spec: spec() },
    });
    expect(early.unavailable).toMatch(/does not exist|not found|unknown topic|offsets/i);
    expect(early.pairs).toEqual([]);

    await provision([world.company.id]);
    const base = recentMinute(60);
    const A = a.extra[0] as string;
    const B = b.extra[0] as string;
    await writeReadings(a, [
      { name: A, result: 1, time: base },
      { name: A, result: 2, time: base + 1000 },
    ]);
    await writeReadings(b, [
      { name: B, result: 5, time: base + 50 },
      { name: B, result: 9, time: base + 1051 },
    ]);
    const tested = await testJoinDraft({
      actor: world.engineer.actor,
      companyId: world.company.id,
      input: { targetSystemId: target.id, spec: spec() },
    });
    expect(tested.check.ok).toBe(true);
    expect(tested.perInput).toEqual([2, 2]);
    // 50 ms apart: joined (the bound is inclusive); 51 ms: not.
    expect(tested.pairs.map((p) => [p.left.result, p.right.result, p.value, p.outcome])).toEqual([
      ["1", "5", "4", "written"],
    ]);
  });
});

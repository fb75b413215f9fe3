// The console (which stores and checks schemas) and the SDK (which checks every record against them) judge a
// result by the same rules, in both drafts: one table, both sides.
import { describe, expect, it } from "vitest";
import { tryCoerceResult } from "../sdk/observation-types";
import { compileResultSchema, RESULT_SCHEMA_DRAFTS, resultSchemaProblem } from "./result-schema";

const draft07 = { $schema: RESULT_SCHEMA_DRAFTS["draft-07"] };
const draft2020 = { $schema: RESULT_SCHEMA_DRAFTS["2020-12"] };

const cases: { name: string; schema: Record<string, unknown>; accepts: unknown[]; refuses: unknown[] }[] = [
  {
    name: "2020-12 (implicit) tuple with prefixItems and items: false",
    schema: { type: "array", prefixItems: [{ type: "number" }], items: false },
    accepts: [[1], []],
    refuses: [[1, 2], ["a"]],
  },
  {
    name: "2020-12 (declared) tuple",
    schema: { ...draft2020, type: "array", prefixItems: [{ type: "number" }, { type: "string" }], items: false },
    accepts: [[1, "a"], [1]],
    refuses: [
      [1, "a", 3],
      ["a", 1],
    ],
  },
  {
    name: "2020-12 unevaluatedProperties",
    schema: {
      type: "object",
      properties: { t: { type: "number" } },
      allOf: [{ properties: { unit: { type: "string" } } }],
      unevaluatedProperties: false,
    },
    accepts: [{ t: 1, unit: "degC" }, { t: 2 }],
    refuses: [{ t: 1, extra: true }],
  },
  {
    name: "draft-07 tuple (items as an array, additionalItems: false)",
    schema: { ...draft07, type: "array", items: [{ type: "number" }], additionalItems: false },
    accepts: [[1], []],
    refuses: [[1, 2], ["a"]],
  },
  {
    name: "draft-07 object with required and formats",
    schema: {
      ...draft07,
      type: "object",
      properties: { at: { type: "string", format: "date-time" }, v: { type: "number" } },
      required: ["v"],
    },
    accepts: [{ v: 1 }, { v: 1, at: "2026-11-25T10:00:00Z" }],
    refuses: [{}, { v: "1" }, { v: 1, at: "yesterday" }],
  },
];

describe("one result validator for the console and the SDK, both drafts", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(resultSchemaProblem(c.schema)).toBeUndefined();
      const consoleSide = compileResultSchema(c.schema);
      // The SDK gets the schema from the console's catalog as a plain object: a copy, not the same object.
      const sdkType = { observationType: "Observation" as const, resultSchema: structuredClone(c.schema) };
      for (const value of c.accepts) {
        expect(consoleSide(value), `console accepts ${JSON.stringify(value)}`).toBe(true);
        expect(tryCoerceResult("d.e.w.s.t.x", sdkType, value), `SDK accepts ${JSON.stringify(value)}`).toMatchObject({
          ok: true,
        });
      }
      for (const value of c.refuses) {
        expect(consoleSide(value), `console refuses ${JSON.stringify(value)}`).toBe(false);
        expect(tryCoerceResult("d.e.w.s.t.x", sdkType, value), `SDK refuses ${JSON.stringify(value)}`).toMatchObject({
          ok: false,
        });
      }
    });
  }

  it("refuses a schema nested 2,000 levels deep without overflowing the stack", () => {
    let schema: Record<string, unknown> = { type: "number" };
    for (let i = 0; i < 2000; i++) schema = { type: "object", properties: { a: schema } };
    expect(resultSchemaProblem(schema)).toMatch(/nests deeper than 32 levels/);
    const sdkType = { observationType: "Observation" as const, resultSchema: schema };
    expect(tryCoerceResult("d.e.w.s.t.x", sdkType, { a: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not usable: nests deeper/),
    });
  });
});

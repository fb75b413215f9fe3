import { describe, expect, it } from "vitest";
import { compileResultSchema, resultSchemaProblem } from "./result-schema";

describe("result schemas", () => {
  it("compile draft 2020-12 by default and draft-07 when declared, with formats", () => {
    const validate = compileResultSchema({
      type: "object",
      properties: { at: { type: "string", format: "date-time" }, v: { type: "number" } },
      required: ["v"],
    });
    expect(validate({ v: 1, at: "2026-01-01T00:00:00Z" })).toBe(true);
    expect(validate({ v: "1" })).toBe(false);
    expect(validate({ v: 1, at: "yesterday" })).toBe(false);
    const tuple = compileResultSchema({ type: "array", prefixItems: [{ type: "number" }], items: false });
    expect(tuple([1])).toBe(true);
    expect(tuple([1, 2])).toBe(false);
    const draft7 = compileResultSchema({ $schema: "http://json-schema.org/draft-07/schema#", type: "boolean" });
    expect(draft7(true)).toBe(true);
  });

  it("say why a schema is refused", () => {
    expect(resultSchemaProblem({ type: "object" })).toBeUndefined();
    expect(resultSchemaProblem([])).toMatch(/must be a JSON object/);
    expect(resultSchemaProblem({ type: "integr" })).toMatch(/schema is invalid/);
    expect(resultSchemaProblem({ requried: ["x"] })).toMatch(/unknown keyword: "requried"/);
    expect(resultSchemaProblem({ $ref: "https://example.test/remote.json" })).toMatch(/can't resolve reference/);
    expect(resultSchemaProblem({ $schema: "http://json-schema.org/draft-04/schema#" })).toMatch(/not supported/);
    expect(resultSchemaProblem({ description: "x".repeat(70_000) })).toMatch(/at most 65536/);
  });

  it("can compile the same schema (with an $id) again and again", () => {
    for (let i = 0; i < 3; i++)
      expect(resultSchemaProblem({ $id: "https://example.test/s", type: "number" })).toBe(undefined);
  });
});

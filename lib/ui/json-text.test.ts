import { describe, expect, it } from "vitest";
import { jsonObjectText, jsonText } from "./json-text";

describe("JSON text fields", () => {
  it("parse an object, treat empty as null, and say what is wrong otherwise", () => {
    expect(jsonObjectText.parse(' { "a": [1, 2] } ')).toEqual({ a: [1, 2] });
    expect(jsonObjectText.parse("  ")).toBeNull();
    const syntax = jsonObjectText.safeParse('{"a": }');
    expect(syntax.success).toBe(false);
    expect(syntax.error?.issues[0]?.message).toMatch(/^Not valid JSON: /);
    for (const text of ["[1]", "3", '"x"', "null"]) {
      expect(jsonObjectText.safeParse(text).error?.issues[0]?.message, text).toBe("Must be a JSON object: { … }");
    }
  });

  it("write values back as indented text", () => {
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(jsonText(null)).toBe("");
  });
});

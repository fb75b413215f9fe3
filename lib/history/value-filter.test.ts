import { describe, expect, it } from "vitest";
import { formatValueFilters, parseValueFilters, passesValueRange } from "./value-filter";

const A = "0193a000-0000-7000-8000-00000000000a";
const B = "0193a000-0000-7000-8000-00000000000b";
const known = new Set([A, B]);

describe("value filters", () => {
  it("reads ranges per datastream, either bound optional, and writes them back canonically", () => {
    const parsed = parseValueFilters(`${B}::5, ${A}:-1.5:2e3`, known);
    expect(parsed).toEqual({
      ok: true,
      filters: new Map([
        [B, { max: 5 }],
        [A, { min: -1.5, max: 2000 }],
      ]),
    });
    if (parsed.ok) expect(formatValueFilters(parsed.filters)).toBe(`${A}:-1.5:2000,${B}::5`);
    expect(parseValueFilters("", known)).toEqual({ ok: true, filters: new Map() });
  });

  it("refuses what is not a range of a selected datastream, saying why", () => {
    const refused = (text: string) => {
      const r = parseValueFilters(text, known);
      return r.ok ? "accepted" : r.message;
    };
    expect(refused(`${A}:1`)).toMatch(/is not <datastreamId>:<min>:<max>/);
    expect(refused(`0193a000-0000-7000-8000-00000000000c:1:2`)).toMatch(/not one of the query's datastreams/);
    expect(refused(`${A}:x:2`)).toMatch(/min "x" .* is not a number/);
    expect(refused(`${A}:1:Infinity`)).toMatch(/max "Infinity"/);
    expect(refused(`${A}::`)).toMatch(/neither a min nor a max/);
    expect(refused(`${A}:3:2`)).toMatch(/min 3 above max 2/);
    expect(refused(`${A}:1:2,${A}:3:4`)).toMatch(/two filters/);
  });

  it("passes numeric results within the bounds (Truth as 0/1), never others", () => {
    expect(passesValueRange(5, { min: 5, max: 5 })).toBe(true);
    expect(passesValueRange(5.1, { max: 5 })).toBe(false);
    expect(passesValueRange(true, { min: 1 })).toBe(true);
    expect(passesValueRange("warm", { min: 0 })).toBe(false);
    expect(passesValueRange("warm", undefined)).toBe(true);
  });
});

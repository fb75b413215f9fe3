import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./encode-csv";

describe("CSV encoding (RFC 4180)", () => {
  it("leaves plain fields alone and writes null as an empty field", () => {
    expect(csvRow(["a", 1, true, null, undefined, ""])).toBe("a,1,true,,,\r\n");
  });

  it("quotes fields with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=x")).toBe("'\t=x");
    // Prefixed first, then quoted: the apostrophe sits inside the quotes.
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });
});

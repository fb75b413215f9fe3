import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/companies/1?tab=systems")).toBe("/companies/1?tab=systems");
  });
  it("turns other origins and protocol-relative or backslash tricks into /", () => {
    for (const bad of [
      "https://evil.test/",
      "//evil.test",
      "/\\evil.test",
      "javascript:alert(1)",
      "/\t/127.0.0.1:9/pwned",
      "/\r/evil.test",
      "/\n/evil.test",
      decodeURIComponent("/%09/127.0.0.1:9/pwned"),
      "/ok\\..\\evil",
      "",
      null,
      undefined,
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});

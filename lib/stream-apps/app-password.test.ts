import { describe, expect, it } from "vitest";
import { appPasswordFrom } from "./app-password";

describe("a stream app's derived Kafka password", () => {
  it("is the same for the same secret, principal and version, and changes with any of them", () => {
    const p = appPasswordFrom("s".repeat(32), "cz.icecars.app_frost", 1);
    expect(appPasswordFrom("s".repeat(32), "cz.icecars.app_frost", 1)).toBe(p);
    expect(appPasswordFrom("s".repeat(32), "cz.icecars.app_frost", 2)).not.toBe(p);
    expect(appPasswordFrom("t".repeat(32), "cz.icecars.app_frost", 1)).not.toBe(p);
    expect(appPasswordFrom("s".repeat(32), "cz.icecars.app_other", 1)).not.toBe(p);
    expect(p).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

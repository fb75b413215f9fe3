import { describe, expect, it } from "vitest";
import { auditExportQuerySchema, auditListQuerySchema } from "./schemas";

// Pages and route handlers parse a query at the boundary and pass the result to the domain operation, which
// parses it again: a schema that cannot read its own output refuses every valid time there (the audit log's
// From/To filter answered 500 on the page and 422 from the API this way).
describe("the audit filters", () => {
  const inputs = [
    { from: "2026-11-25T10:00:00Z" },
    { from: "2026-11-25", to: "2026-11-26" },
    { to: "2026-11-25T10:00:00+01:00", actor: " admin@", action: "client.", order: "asc" },
    { page: "2", pageSize: "10" },
    {},
  ];

  it.each(inputs)("take their own output (%j)", (input) => {
    for (const schema of [auditListQuerySchema, auditExportQuerySchema]) {
      const candidate = schema === auditExportQuerySchema ? { ...input, page: undefined, pageSize: undefined } : input;
      const clean = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
      const once = schema.parse(clean);
      expect(schema.parse(once)).toEqual(once);
    }
  });

  it("read a date as the whole UTC day, and refuse times that are not ISO 8601", () => {
    const q = auditListQuerySchema.parse({ from: "2026-11-25", to: "2026-11-25" });
    expect(q.from?.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(q.to?.toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(auditListQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(auditListQuerySchema.safeParse({ from: "2026-11-26", to: "2026-11-25" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildOpenApi } from "../api/openapi/build-openapi";
import { constraintsOf, nestedObject, typeLabel } from "./json-schema";
import { readOpenApi } from "./read-openapi";

describe("the API docs page's reading of the OpenAPI document", () => {
  const docs = readOpenApi(buildOpenApi("https://rhei.example"));

  it("groups every operation by its tag, methods in a stable order", () => {
    expect(docs.serverUrl).toBe("https://rhei.example/api/v1");
    expect(docs.groups.map((g) => g.tag)).toEqual(expect.arrayContaining(["Companies", "Audit log", "Search"]));
    const companies = docs.groups.find((g) => g.tag === "Companies")?.operations ?? [];
    expect(companies.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /companies",
      "POST /companies",
      "GET /companies/{companyId}",
      "PATCH /companies/{companyId}",
      "DELETE /companies/{companyId}",
      "GET /companies/{companyId}/invitations",
      "POST /companies/{companyId}/invitations",
      "DELETE /companies/{companyId}/invitations/{invitationId}",
      "GET /companies/{companyId}/members",
      "PATCH /companies/{companyId}/members/{userId}",
      "DELETE /companies/{companyId}/members/{userId}",
      "GET /invitations",
      "POST /invitations/{invitationId}/accept",
      "POST /invitations/{invitationId}/decline",
    ]);
    const csv = docs.groups
      .find((g) => g.tag === "Audit log")
      ?.operations.find((o) => o.operationId === "exportAuditEvents");
    expect(Object.keys(csv?.responses["200"]?.content ?? {})).toEqual(["text/csv"]);
    expect(docs.securitySchemes.map((s) => s.id)).toEqual(["bearerToken", "clientBasic", "session"]);
  });

  it("describes types and rules in one line each", () => {
    const list = docs.groups.flatMap((g) => g.operations).find((o) => o.operationId === "listAuditEvents");
    const param = (name: string) => list?.parameters.find((p) => p.name === name)?.schema ?? {};
    expect(typeLabel(param("companyId"))).toBe("string (uuid)");
    expect(constraintsOf(param("companyId"))).toEqual([]);
    expect(typeLabel(param("order"))).toBe('"desc" | "asc"');
    expect(typeLabel(param("from"))).toBe("string (date-time) | string (date)");
    expect(constraintsOf(param("pageSize"))).toEqual(["≥ 1", "≤ 200", "default 50"]);
    expect(constraintsOf(param("action"))).toEqual(["max length 100", "pattern ^[A-Za-z0-9._-]*\\*?$"]);
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string | null");
    expect(typeLabel({})).toBe("any");
    expect(constraintsOf({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 })).toEqual([]);
    expect(typeLabel({ type: "object", additionalProperties: { type: "array", items: { type: "string" } } })).toBe(
      "map of array of string",
    );
    const page = list?.responses["200"]?.content?.["application/json"]?.schema ?? {};
    expect(typeLabel(page.properties?.items ?? {})).toBe("array of object");
    expect(Object.keys(nestedObject(page.properties?.items ?? {})?.properties ?? {})).toContain("actor");
  });

  it("names what is wrong with a malformed document", () => {
    expect(() => readOpenApi({ info: {}, paths: {} })).toThrow(/title/);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiProblem, apiFetch } from "./api-fetch";

const answer = (status: number, body: unknown, type = "application/json") =>
  vi.spyOn(globalThis, "fetch").mockResolvedValue(
    new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "content-type": type },
    }),
  );

afterEach(() => vi.restoreAllMocks());

describe("apiFetch", () => {
  it("returns the answer as the schema parses it, asking for JSON", async () => {
    const spy = answer(200, { n: 1, extra: true });
    expect(await apiFetch("/api/v1/x", { schema: z.object({ n: z.number() }), failure: "X failed" })).toEqual({ n: 1 });
    expect(new Headers(spy.mock.calls[0]?.[1]?.headers).get("accept")).toBe("application/json");
  });

  it("turns a problem document into an ApiProblem with its detail and field errors", async () => {
    answer(
      422,
      {
        type: "https://rhei.dev/problems/validation",
        title: "validation",
        detail: "Invalid",
        errors: { q: ["Too long"] },
      },
      "application/problem+json",
    );
    const error = await apiFetch("/api/v1/x", { schema: z.unknown(), failure: "X failed" }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ message: "Invalid", status: 422, errors: { q: ["Too long"] } });
  });

  it("names the call and the status when the answer is no problem document", async () => {
    answer(502, "<html>Bad gateway</html>", "text/html");
    await expect(apiFetch("/api/v1/x", { schema: z.unknown(), failure: "Search failed" })).rejects.toThrow(
      "Search failed (HTTP 502)",
    );
  });
});

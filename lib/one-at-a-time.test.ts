import { describe, expect, it } from "vitest";
import { oneAtATime } from "./one-at-a-time";

describe("oneAtATime", () => {
  it("starts each task after the one before it ended, in order, and goes on after a failure", async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const inTurn = oneAtATime((error) => errors.push(error));
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        seen.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        seen.push(`${name} end`);
        if (fail) throw new Error(name);
      };
    void inTurn(task("a", 30));
    void inTurn(task("b", 5, true));
    await inTurn(task("c", 1));
    expect(seen).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
    expect(errors).toEqual([new Error("b")]);
  });
});

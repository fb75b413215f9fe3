import { describe, expect, it } from "vitest";
import { seedUser, TEST_PASSWORD, uniq } from "@/test/seed";
import { db } from "../db/client";
import { signUp } from "../users/sign-up";
import { authOptions } from "./options";
import { throttle } from "./throttle";
import { signInLimits } from "./throttle-window";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/** A sign-in through next-auth's own credentials check, from a client address (as server.ts records it). */
async function signIn(email: string, password: string, client: string): Promise<string> {
  try {
    return (await authorize({ email, password }, { headers: { "x-rhei-client-address": client } }))
      ? "signed in"
      : "wrong";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the throttles, kept in PostgreSQL", () => {
  it("lock a client that guesses an address's password, not the address's owner elsewhere", async () => {
    const user = await seedUser();
    for (let i = 0; i < 10; i++) expect(await signIn(user.email, "wrong guess", "198.51.100.7")).toBe("wrong");
    expect(await signIn(user.email, TEST_PASSWORD, "198.51.100.7")).toBe("too-many-attempts");
    // The owner, from their own address, is not locked out by a stranger's failures.
    expect(await signIn(user.email, TEST_PASSWORD, "203.0.113.20")).toBe("signed in");
    // A success clears that client's count only: the stranger stays locked.
    expect(await signIn(user.email, TEST_PASSWORD, "198.51.100.7")).toBe("too-many-attempts");
  });

  it("slow down guessing from many addresses with a higher limit per address", async () => {
    const email = `${uniq("target")}@example.test`;
    const [, perAddress] = signInLimits(email, "x");
    await db.throttleEvent.createMany({
      data: Array.from({ length: perAddress?.max ?? 0 }, () => ({ key: perAddress?.key ?? "" })),
    });
    expect(await throttle.retryAfter(signInLimits(email, "192.0.2.1"))).toBeGreaterThan(0);
  });

  it("throttle sign-ups per client, and do not count seeds and tests (no client)", async () => {
    const client = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const outcomes: string[] = [];
    for (let i = 0; i < 11; i++) {
      try {
        await signUp({ name: "Probe", email: `${uniq("probe")}@example.test`, password: TEST_PASSWORD }, { client });
        outcomes.push("created");
      } catch (error) {
        outcomes.push((error as { code?: string }).code ?? "error");
      }
    }
    expect(outcomes.filter((o) => o === "created")).toHaveLength(10);
    expect(outcomes.at(-1)).toBe("rate_limited");
    await expect(
      signUp({ name: "Seed", email: `${uniq("seed")}@example.test`, password: TEST_PASSWORD }),
    ).resolves.toBeTruthy();
  });
});

import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { seedLiveWorld } from "../test/live-world";
import { seedCompany, seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

function kafka(action: "stop" | "start") {
  execFileSync("bash", ["scripts/services.sh", action === "stop" ? "kafka-down" : "kafka-up", "test"], {
    stdio: "inherit",
  });
}

test.describe("Kafka stopped while the console runs", () => {
  // Each test stops and starts the broker (a JVM): tens of seconds on our machines.
  test.describe.configure({ timeout: 180_000 });
  test.afterAll(() => kafka("start"));

  test("the status page says Kafka is down and PostgreSQL-only pages keep working", async ({ page, context }) => {
    const user = await seedUser("Outage Watcher");
    const { company } = await seedCompany(user);
    await signInViaApi(context, user.email, TEST_PASSWORD);

    await page.goto("/status");
    await expect(page.locator('[data-service="kafka"]')).toHaveAttribute("data-up", "true");

    kafka("stop");
    await page.goto("/status");
    const kafkaCard = page.locator('[data-service="kafka"]');
    await expect(kafkaCard).toHaveAttribute("data-up", "false");
    await expect(kafkaCard.getByText("down")).toBeVisible();
    await expect(page.locator('[data-service="postgresql"]')).toHaveAttribute("data-up", "true");
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect((await health.json()).services.kafka.up).toBe(false);

    // The home page needs only PostgreSQL.
    await page.goto("/");
    await expect(page.getByRole("main").getByText(`${company.domain}.${company.enterprise}`)).toBeVisible();

    kafka("start");
    await page.goto("/status");
    await expect(page.locator('[data-service="kafka"]')).toHaveAttribute("data-up", "true", { timeout: 30_000 });
  });

  test("a live panel says Kafka is unavailable within seconds, and recovers by itself with the records", async ({
    page,
    context,
  }) => {
    const world = await seedLiveWorld();
    try {
      await signInViaApi(context, world.admin.email, TEST_PASSWORD);
      await page.goto(`/companies/${world.company.id}/systems/${world.system.id}/datastreams/${world.datastream.id}`);
      const data = page.getByRole("region", { name: "Data" });
      const status = data.getByTestId("live-status").first();
      await expect(status).toContainText("Live", { timeout: 20_000 });
      await world.produce(1, 41);
      await expect(data.getByTestId("last-value")).toContainText("41");

      kafka("stop");
      await expect(status).toContainText("Kafka unavailable", { timeout: 20_000 });

      kafka("start");
      // Back by itself, no reload; a record produced now arrives.
      await expect(async () => {
        await world.produce(1, 42);
        await expect(data.getByTestId("last-value")).toContainText("42", { timeout: 3000 });
      }).toPass({ timeout: 90_000 });
      await expect(status).toContainText("Live");
    } finally {
      await world.cleanup();
    }
  });
});

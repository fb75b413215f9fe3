import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
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
});

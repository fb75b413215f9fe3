import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { seedSystem, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

function kafka(action: "kafka-down" | "kafka-up") {
  execFileSync("bash", ["scripts/services.sh", action, "test"], { stdio: "inherit" });
}

test.describe("the cluster and provisioning pages while Kafka is stopped", () => {
  test.afterAll(() => kafka("kafka-up"));

  test("say Kafka is unreachable and still render", async ({ page, context }, testInfo) => {
    const { company, admin, system } = await seedSystem();
    await signInViaApi(context, admin.email, TEST_PASSWORD);
    kafka("kafka-down");

    await page.goto(`/companies/${company.id}/cluster`);
    await expect(page.getByRole("heading", { name: "Cluster" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Kafka is unreachable" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("cluster-kafka-down.png"), fullPage: true });

    await page.getByRole("link", { name: "provisioning overview" }).click();
    await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Kafka resources" })).toContainText(`${system.name}.int`);
  });
});

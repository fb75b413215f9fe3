import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createAlarmRule } from "../lib/alarms/create-alarm-rule";
import { db } from "../lib/db/client";
import { seedDemoWorld } from "../lib/demo/seed-demo-world";
import { clientBootstrapServers } from "../lib/kafka/console-connection";
import { RheiClient, type RheiClientOptions } from "../lib/sdk";
import { seedLiveWorld } from "../test/live-world";
import { TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();
test.describe.configure({ timeout: 120_000 });

test("an operator opens the demo's Fleet dashboard and sees the car's records arrive", async ({
  page,
  context,
}, testInfo) => {
  const credentialsDir = await mkdtemp(path.join(tmpdir(), "rhei-e2e-demo-"));
  const seeded = await seedDemoWorld({
    credentialsDir,
    consoleUrl: "http://localhost",
    bootstrapServers: clientBootstrapServers(),
  });
  const company = await db.company.findFirstOrThrow({ where: { domain: "cz", enterprise: "icecars" } });
  expect(seeded.companyIds).toContain(company.id);
  // The console's reconciler gives car_1 its credential on the broker; wait for it.
  await expect
    .poll(
      () =>
        db.client.findFirst({
          where: { principal: "cz.icecars.iot4cps-wp5-CarFleet.Car1.car_1" },
          select: { provisionedSecretVersion: true, secretVersion: true },
        }),
      { timeout: 60_000 },
    )
    .toMatchObject({ provisionedSecretVersion: expect.any(Number) });
  const file = path.join(credentialsDir, "cz.icecars.iot4cps-wp5-CarFleet.Car1.car_1.json");
  const options = JSON.parse(await readFile(file, "utf8")) as RheiClientOptions;
  const car = new RheiClient({ ...options, console: undefined, datastreams: await carDatastreams() });

  await signInViaApi(context, "operator@icecars.example", "rhei-demo-operator");
  await page.goto("/");
  await page.getByRole("link", { name: /cz\.icecars/ }).click();
  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Dashboards" }).click();
  await page.getByRole("list", { name: "Dashboards" }).getByRole("link", { name: /Fleet/ }).click();
  await expect(page.getByRole("heading", { name: "Fleet" })).toBeVisible();
  const now = page.getByRole("region", { name: "Now" });
  await expect(now.getByTestId("live-status").first()).toContainText(/Live|Catching up/);
  // The car reports; the tile and the chart show it (retried: the car's credential may need a moment on the broker).
  await expect(async () => {
    await car.produce("cz.icecars.iot4cps-wp5-CarFleet.Car1.Main.Air Temperature", -3.25);
    await car.flush();
    await expect(now.getByTestId("last-value").first()).toContainText("-3.25", { timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Air temperature" }).getByTestId("live-status")).toContainText("Live");
  await screenshot(page, testInfo, "dashboard.png");
  await car.close();

  // The company's health: per system, records per minute and the newest record.
  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Health" }).click();
  const perSystem = page.getByRole("table", { name: "Health per system" });
  await expect(perSystem.getByRole("row", { name: /CarFleet\.Car1/ })).toBeVisible();
  await screenshot(page, testInfo, "health.png");

  // An admin sees on car_1's page that it produced (counted by the console's evaluator within seconds).
  await context.clearCookies();
  await signInViaApi(context, "admin@icecars.example", "rhei-demo-admin");
  const client = await db.client.findFirstOrThrow({
    where: { principal: "cz.icecars.iot4cps-wp5-CarFleet.Car1.car_1" },
  });
  await page.goto(`/companies/${company.id}/systems/${client.systemId}/clients/${client.id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel("Client activity")).not.toContainText(/Last produced\s*never seen/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByLabel("Client activity")).toContainText(/Produced\s*[1-9]\d*\/min/);

  async function carDatastreams() {
    const rows = await db.datastream.findMany({ where: { system: { name: "cz.icecars.iot4cps-wp5-CarFleet.Car1" } } });
    return rows.map((d) => ({
      name: d.name,
      fullName: d.fullName,
      observationType: d.observationType,
      unit: { name: d.unitName, symbol: d.unitSymbol, definition: d.unitDefinition },
    }));
  }
});

test("an operator builds a dashboard, reloads it, and it is kept; an alarm fires, shows, and is acknowledged", async ({
  page,
  context,
}) => {
  const world = await seedLiveWorld();
  try {
    const { company, admin, datastream } = world;
    const operator = await (await import("../test/seed")).seedMember(company.id, admin, "operator");
    await signInViaApi(context, operator.email, TEST_PASSWORD);
    await page.goto(`/companies/${company.id}/dashboards`);
    await page.getByRole("button", { name: "New dashboard" }).click();
    const dialog = page.getByRole("dialog", { name: "New dashboard" });
    await dialog.getByLabel("Name").fill("Plant floor");
    await dialog.getByRole("button", { name: "Create dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Plant floor" })).toBeVisible();
    await page.getByRole("button", { name: "Add panel" }).click();
    const add = page.getByRole("dialog", { name: "Add a panel" });
    await add.getByLabel("Title").fill("Temperature");
    await add.getByLabel("Find datastreams").fill(datastream.name);
    await add.getByRole("list", { name: "Datastreams found" }).getByText(datastream.fullName).click();
    await add.getByRole("button", { name: "Add panel" }).click();
    await page.getByRole("button", { name: "Save dashboard" }).click();
    await expect(page.getByText("Dashboard saved")).toBeVisible();
    await page.reload();
    const panel = page.getByRole("region", { name: "Temperature" });
    await expect(panel).toBeVisible();
    await world.produce(20);
    await expect(panel.getByTestId("line-chart")).not.toHaveAttribute("data-points", "0", { timeout: 20_000 });

    // An alarm rule (an engineer's or admin's); records over it raise an alarm the operator sees at once.
    await createAlarmRule({
      actor: admin.actor,
      datastreamId: datastream.id,
      input: { name: "Too warm", kind: "above", threshold: 100, severity: "critical" },
    });
    await expect(async () => {
      await world.produce(3, 500);
      await expect(page.getByText(/Alarm \(critical\):/)).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("alarm-count")).toHaveText(/\d+/);
    await page.goto(`/companies/${company.id}/alarms`);
    const row = page.getByRole("table", { name: "Alarms" }).getByRole("row").nth(1);
    await expect(row).toContainText("above 100");
    await row.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText("Alarm acknowledged")).toBeVisible();
    await expect(row).toContainText(operator.email);
  } finally {
    await world.cleanup();
  }
});

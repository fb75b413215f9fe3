import { expect, test } from "@playwright/test";
import { db } from "../lib/db/client";
import { streamAppWorker } from "../lib/stream-apps/runner/stream-app-worker";
import { TEST_PASSWORD } from "../test/seed";
import { decoded, readExt, seedStreamCompany, writeReadings } from "../test/stream-app-world";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();
test.describe.configure({ timeout: 180_000 });

test("an engineer writes a query, tests it, deploys it, sees records flow into the target, and stops it", async ({
  page,
  context,
}, testInfo) => {
  const world = await seedStreamCompany(2, 1);
  const [source, target] = world.systems as [(typeof world.systems)[0], (typeof world.systems)[0]];
  // The console's reconciler creates the systems' topics; wait until the source's exists.
  await expect
    .poll(
      () => db.provisioningState.findFirst({ where: { resourceKey: `${source.name}.int` }, select: { status: true } }),
      { timeout: 60_000 },
    )
    .toMatchObject({ status: "ready" });
  const t0 = Date.UTC(2026, 11, 3, 8, 0, 0);
  await writeReadings(
    source,
    [-4, -1, 2, 7, -6, 3].map((result, i) => ({ name: source.temperature, result, time: t0 + i * 60_000 })),
  );
  // A worker, as `npm run worker` would run it, for this company's apps.
  const worker = streamAppWorker({ companyIds: [world.company.id], refreshMs: 1000, flushMs: 500 });
  await worker.start();
  try {
    await signInViaApi(context, world.engineer.email, TEST_PASSWORD);
    await page.goto(`/companies/${world.company.id}`);
    await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Stream apps" }).click();
    await expect(page.getByText("No stream apps yet")).toBeVisible();
    await page.getByRole("link", { name: "New stream app" }).click();

    await page.getByLabel("Name").fill("frost");
    await page.getByLabel("Target system").selectOption({ label: target.name });
    const query = page.getByRole("textbox", { name: "Query" });
    // A mistake first: the editor says where, and what it expected there.
    await query.fill(`SELECT * FROM ${source.name} WHERE result <`);
    const diagnostics = page.getByTestId("query-diagnostics");
    await expect(diagnostics.getByText(/^Error at 1:\d+: expected an operand/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Create stream app" })).toBeDisabled();
    await query.fill(`SELECT * FROM ${source.name} WHERE quantity = 'Air Temperature' AND result < 0`);
    await expect(diagnostics.getByText("The query checks: no errors, no warnings.")).toBeVisible();
    await expect(page.getByTestId("query-summary")).toContainText(`Reads ${source.name}`);

    await page.getByRole("button", { name: "Test on recent records" }).click();
    const results = page.getByRole("table", { name: "Test results" });
    await expect(results.locator("tr[data-selected=true]")).toHaveCount(3);
    await expect(results.locator("tr[data-selected=false]")).toHaveCount(3);
    await expect(results.getByText("result < 0 is false (result is 7)")).toBeVisible();
    await screenshot(page, testInfo, "stream-app-editor.png");

    await page.getByRole("button", { name: "Create stream app" }).click();
    await expect(page.getByRole("heading", { name: "frost", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Deploy" }).click();
    await expect(page.locator("[data-state=running]")).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-metric="Records out"]')).toHaveText("3", { timeout: 60_000 });
    expect(decoded(await readExt(target)).map((r) => r.result)).toEqual([-4, -1, -6]);

    // More records arrive: the page follows them without a reload.
    await writeReadings(source, [{ name: source.temperature, result: -9, time: t0 + 10 * 60_000 }]);
    await expect(page.locator('[data-metric="Records out"]')).toHaveText("4", { timeout: 30_000 });
    await expect(page.getByRole("list", { name: "App log" })).toContainText("Deployed (version 1)");
    await screenshot(page, testInfo, "stream-app.png");

    await page.getByRole("button", { name: "Stop" }).click();
    await expect(page.locator("[data-state=stopped]")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Deploy" })).toBeVisible();

    // The target system's page draws the flow.
    await page.goto(`/companies/${world.company.id}/systems/${target.id}`);
    await expect(page.getByRole("img", { name: `Data flows of ${target.name}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Data flows" })).toContainText("frost");
  } finally {
    await worker.stop();
  }
});

test("an operator sees the apps but may not create one; another company's app is not found", async ({
  page,
  context,
}) => {
  const world = await seedStreamCompany(1);
  const { seedMember } = await import("../test/seed");
  const operator = await seedMember(world.company.id, world.admin, "operator");
  const stranger = await seedStreamCompany(1);
  const app = await db.streamApp.create({
    data: {
      companyId: stranger.company.id,
      name: "theirs",
      targetSystemId: stranger.systems[0]?.id ?? null,
      targetSystemName: stranger.systems[0]?.name ?? "",
      query: "SELECT * FROM *",
      principal: `${stranger.company.domain}.${stranger.company.enterprise}.app_theirs`,
    },
  });
  await signInViaApi(context, operator.email, TEST_PASSWORD);
  await page.goto(`/companies/${world.company.id}/stream-apps`);
  await expect(page.getByRole("heading", { name: "Stream apps", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New stream app" })).toHaveCount(0);
  const response = await page.goto(`/companies/${world.company.id}/stream-apps/new`);
  expect(response?.status()).toBe(403);
  const foreign = await page.goto(`/companies/${stranger.company.id}/stream-apps/${app.id}`);
  expect(foreign?.status()).toBe(404);
});

import { expect, test } from "@playwright/test";
import { db } from "../lib/db/client";
import { streamAppWorker } from "../lib/stream-apps/runner/stream-app-worker";
import { TEST_PASSWORD } from "../test/seed";
import { readExt, seedStreamCompany, writeReadings } from "../test/stream-app-world";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();
test.describe.configure({ timeout: 180_000 });

test("an engineer declares a join of two sources, tests it on recent records, deploys it and sees its pairs arrive", async ({
  page,
  context,
}, testInfo) => {
  const world = await seedStreamCompany(3, 1);
  const [a, b, target] = world.systems as [
    (typeof world.systems)[0],
    (typeof world.systems)[0],
    (typeof world.systems)[0],
  ];
  for (const s of [a, b]) {
    await expect
      .poll(
        () => db.provisioningState.findFirst({ where: { resourceKey: `${s.name}.int` }, select: { status: true } }),
        { timeout: 60_000 },
      )
      .toMatchObject({ status: "ready" });
  }
  const t0 = Date.UTC(2026, 11, 4, 8, 0, 0);
  // A reading of a every minute, one of b half a second later: six pairs within a 1 s tolerance.
  await writeReadings(
    a,
    [1, 2, 3, 4, 5, 6].map((result, i) => ({ name: a.temperature, result, time: t0 + i * 60_000 })),
  );
  await writeReadings(
    b,
    [10, 20, 30, 40, 50, 60].map((result, i) => ({ name: b.temperature, result, time: t0 + i * 60_000 + 500 })),
  );
  const worker = streamAppWorker({ companyIds: [world.company.id], refreshMs: 1000, flushMs: 500 });
  await worker.start();
  try {
    await signInViaApi(context, world.engineer.email, TEST_PASSWORD);
    await page.goto(`/companies/${world.company.id}/stream-apps`);
    await page.getByRole("link", { name: "New join" }).click();
    await expect(page.getByRole("heading", { name: "New join app", level: 1 })).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill("warming");
    await page.getByLabel("Target system").selectOption({ label: target.name });
    const input = (i: number) => page.getByTestId(`join-input-${i}`);
    await input(0).getByRole("textbox", { name: "Input 1" }).fill("a");
    await input(0)
      .getByRole("textbox", { name: "Query" })
      .fill(`SELECT * FROM ${a.name} WHERE quantity = 'Air Temperature'`);
    await input(1).getByRole("textbox", { name: "Input 2" }).fill("b");
    await input(1)
      .getByRole("textbox", { name: "Query" })
      .fill(`SELECT * FROM ${b.name} WHERE quantity = 'Air Temperature'`);
    await page.getByLabel("Tolerance (ms)").fill("1000");
    await page.getByLabel("Idle after (ms)").fill("2000");
    // A mistake first: the value does not parse, and the form says so at the field.
    const value = page.getByRole("textbox", { name: "Value" });
    await value.fill("right.result -");
    await page.getByLabel("Datastream", { exact: true }).fill("Difference");
    await expect(page.getByText(/expected an operand/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Create join app" })).toBeDisabled();
    await value.fill("right.result - left.result");
    await expect(page.getByTestId("join-summary")).toContainText(`writes ${target.name}.Joins.Difference`);
    await expect(page.getByTestId("join-summary")).toContainText("Checked");

    await page.getByRole("button", { name: "Test on recent records" }).click();
    const pairs = page.getByRole("table", { name: "Joined pairs" });
    await expect(pairs.locator("tr[data-outcome=written]")).toHaveCount(6);
    await expect(pairs.getByRole("cell", { name: "54", exact: true })).toBeVisible();
    await screenshot(page, testInfo, "join-editor.png");

    await page.getByRole("button", { name: "Create join app" }).click();
    await expect(page.getByRole("heading", { name: "warming", level: 1 })).toBeVisible();
    await expect(page.getByTestId("join-definition")).toContainText("both bounds inclusive");
    await page.getByRole("button", { name: "Deploy" }).click();
    await expect(page.locator("[data-state=running]")).toBeVisible({ timeout: 60_000 });
    // Five pairs out: the newest (at 08:05:00.5) waits for a record after it, as a pair is final only once every
    // input has moved past it (docs/time-series-join.md, "When pairs are emitted").
    await expect(page.locator('[data-metric="Records out"]')).toHaveText("5", { timeout: 60_000 });
    await expect(page.locator('[data-metric="Late records"]')).toHaveText("0");
    await expect(page.getByTestId("join-state")).toContainText("pairs emitted");
    const out = (await readExt(target)).map((m) => JSON.parse(m.value?.toString() ?? "{}") as { result: number });
    expect(out.map((r) => r.result)).toEqual([9, 18, 27, 36, 45]);
    await screenshot(page, testInfo, "join-app.png");

    // Newer records arrive: the held pair comes out, without a reload.
    await writeReadings(a, [{ name: a.temperature, result: 7, time: t0 + 6 * 60_000 }]);
    await writeReadings(b, [{ name: b.temperature, result: 77, time: t0 + 6 * 60_000 + 1000 }]);
    await expect(page.locator('[data-metric="Records out"]')).toHaveText("6", { timeout: 30_000 });
    expect((await readExt(target)).length).toBe(6);
  } finally {
    await worker.stop();
  }
});

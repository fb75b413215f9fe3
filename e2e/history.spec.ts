import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seedHistoryWorld } from "../test/history-world";
import { parseCsv } from "../test/parse-csv";
import { seedMember, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();
test.describe.configure({ timeout: 240_000 });

/** A datetime-local input's value for an instant, in the browser's zone (the test runs both in one zone). */
const local = (t: number) => {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

test("an auditor browses a trace: picks datastreams and a range, pages, exports, charts and zooms, replays at 100× and pauses", async ({
  page,
  context,
}, testInfo) => {
  // Two days of a temperature every 10 s and a road state every 10 min, ending an hour ago.
  const world = await seedHistoryWorld({ kinds: ["Measurement", "Truth"] });
  const end = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;
  const start = end - 2 * 86_400_000;
  const records: { ds: number; v: unknown; t: number }[] = [];
  for (let t = start, i = 0; t < end; t += 10_000, i++) {
    records.push({ ds: 0, v: Math.round((Math.sin(i / 300) * 8 + Math.cos(i / 37)) * 100) / 100, t });
    if (i % 60 === 0) records.push({ ds: 1, v: Math.floor(i / 60) % 3 === 0, t });
  }
  await world.produce(records);
  const auditor = await seedMember(world.company.id, world.admin, "auditor");
  const [temperature, road] = world.datastreams;

  await signInViaApi(context, auditor.email, TEST_PASSWORD);
  await page.goto(`/companies/${world.company.id}`);
  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByText("Choose datastreams and a range")).toBeVisible();

  // Pick both datastreams by search, and the last of the two days.
  await page.getByLabel("Find datastreams").fill(world.thing.name);
  const found = page.getByRole("list", { name: "Datastreams found" });
  await found.getByText(temperature?.fullName as string).click();
  await found.getByText(road?.fullName as string).click();
  await page.getByLabel("From", { exact: true }).fill(local(end - 86_400_000));
  await page.getByLabel("To", { exact: true }).fill(local(end));
  await page.getByRole("button", { name: "Show" }).click();

  // Records in phenomenon-time order, counted, paged forward and back.
  const table = page.getByRole("table", { name: "Records" });
  await expect(table.getByRole("row")).toHaveCount(51);
  const expected = records.filter((r) => r.t >= end - 86_400_000 && r.t < end).length;
  await expect(page.getByTestId("record-count")).toHaveText(`${expected.toLocaleString("en-US")} records`);
  await expect(page.getByTestId("volume-timeline")).toBeVisible();
  await screenshot(page, testInfo, "history.png");
  // A click on the volume timeline goes there: the table starts at the middle of the day.
  const timeline = page.getByTestId("volume-timeline");
  await timeline.scrollIntoViewIfNeeded();
  const bar = (await timeline.boundingBox()) as { x: number; y: number; width: number; height: number };
  await page.mouse.click(bar.x + bar.width * 0.5, bar.y + bar.height / 2);
  await expect(async () => {
    const cell = await table.getByRole("row").nth(1).getByRole("cell").first().textContent();
    const at = Date.parse((cell as string).replace(" ", "T").slice(0, 23));
    expect(at).toBeGreaterThanOrEqual(end - 86_400_000 / 2 - 86_400_000 / 100);
    expect(at).toBeLessThan(end - 86_400_000 / 2 + 86_400_000 / 100);
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "First" }).click();
  const firstRow = await table.getByRole("row").nth(1).textContent();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(table.getByRole("row").nth(1)).not.toHaveText(firstRow as string);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(table.getByRole("row").nth(1)).toHaveText(firstRow as string);

  // Export as CSV with semicolons: the downloaded file holds exactly the selected records.
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export records" });
  await dialog.getByLabel("Delimiter").selectOption("semicolon");
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const file = await (await download).path();
  const text = await readFile(file as string, "utf8");
  const rows = parseCsv(text.replaceAll(";", ","));
  expect(rows[0]).toEqual(["time", `${temperature?.fullName} [degC] (Measurement)`, `${road?.fullName} (Truth)`]);
  const cells = rows.slice(1).reduce((n, row) => n + row.slice(1).filter((c) => c !== "").length, 0);
  expect(cells).toBe(expected);

  // Chart the whole two days, then zoom into part of it by brushing.
  await page.getByLabel("From", { exact: true }).fill(local(start));
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("tab", { name: "Chart" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(new Date(start).toISOString());
  const chart = page.getByTestId("history-chart");
  await expect(chart.getByTestId("line-chart")).toBeVisible();
  await expect(page.getByTestId("chart-source")).toContainText(/drawn from (1|10)-(second|minute) rollups|raw records/);
  const points = Number(await chart.getByTestId("line-chart").getAttribute("data-points"));
  const box = await chart.boundingBox();
  expect(points).toBeGreaterThan(100);
  expect(points).toBeLessThanOrEqual(4 * (box?.width ?? 0));
  await expect(page.getByText("Nothing to draw")).toHaveCount(0);
  await screenshot(page, testInfo, "history-chart.png");
  const before = await page.getByTestId("chart-source").textContent();
  const brush = page.getByTestId("chart-brush");
  await brush.scrollIntoViewIfNeeded();
  const area = (await brush.boundingBox()) as { x: number; y: number; width: number; height: number };
  await page.mouse.move(area.x + area.width * 0.45, area.y + area.height / 2);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.5, area.y + area.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId("chart-source")).not.toHaveText(before as string);
  await expect(page.getByTestId("chart-source")).toContainText(/raw records|1-second rollups/);
  await expect(page.getByRole("button", { name: "Zoom out" })).toBeEnabled();

  // Replay the last hour of data at 100×, then pause it.
  await page.getByLabel("From", { exact: true }).fill(local(end - 3_600_000));
  await page.getByLabel("To", { exact: true }).fill(local(end));
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("tab", { name: "Replay" }).click();
  await page.getByLabel("Speed").selectOption("100");
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  const status = page.getByTestId("replay-status");
  await expect(status).toHaveAttribute("data-state", "playing");
  await expect(page.getByTestId("last-value").first()).not.toHaveText("—");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(status).toHaveAttribute("data-state", "paused");
  const paused = await status.textContent();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(status).toHaveAttribute("data-state", /playing|ended/);
  await expect(status).not.toHaveText(paused as string);
  await world.cleanup();
});

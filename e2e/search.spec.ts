import { expect, test } from "@playwright/test";
import { seedCompany, seedSystem, TEST_PASSWORD, uniq } from "../test/seed";
import { seedDatastreamRows, seedThingRows } from "../test/seed-metadata-rows";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

/** A system with a thing and two datastreams named after `tag`. */
async function seedTwin(tag: string) {
  const seeded = await seedSystem();
  const [thing] = await seedThingRows(seeded.system, [`${tag}-Pump`]);
  if (!thing) throw new Error("no thing");
  const datastreams = await seedDatastreamRows(seeded.system, thing, [`${tag} Pressure`, `${tag} Flow`], "bar");
  return { ...seeded, thing, datastreams };
}

test("search as you type: a prefix, the keyboard, and the page it names", async ({ page, context }, testInfo) => {
  const tag = uniq("Tank");
  const mine = await seedTwin(tag);
  // Another company with the very same names must never show up.
  await seedTwin(tag);
  await signInViaApi(context, mine.admin.email, TEST_PASSWORD);
  await page.goto("/");

  const box = page.getByRole("combobox", { name: "Search everything" });
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await page.keyboard.type(tag.slice(0, 9));
  const results = page.getByRole("listbox", { name: "Search results" });
  const options = results.getByRole("option");
  await expect(options).toHaveCount(3);
  await expect(results.getByRole("group", { name: "Things" }).getByRole("option")).toHaveText(
    new RegExp(`^${tag}-Pump`),
  );
  // Datastreams: shorter names first.
  await expect(results.getByRole("group", { name: "Datastreams" }).getByRole("option")).toHaveText([
    new RegExp(`^${tag} Flow`),
    new RegExp(`^${tag} Pressure`),
  ]);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await screenshot(page, testInfo, "search-results.png");
  const flow = mine.datastreams.find((d) => d.name.endsWith("Flow"));
  await page.keyboard.press("Enter");
  // The datastream pages are built on another branch; here the URL is what counts.
  await expect(page).toHaveURL(`/companies/${mine.company.id}/systems/${mine.system.id}/datastreams/${flow?.id}`);

  // Ctrl-K, a company's name, Enter: its page.
  await page.goto("/");
  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await page.keyboard.type(mine.company.enterprise);
  await expect(results.getByRole("group", { name: "Companies" }).getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/companies/${mine.company.id}`);
  await expect(page.getByRole("heading", { name: `${mine.company.domain}.${mine.company.enterprise}` })).toBeVisible();
  await expect(box).toHaveValue("");

  // Nothing found says so; Esc closes, a second Esc clears.
  await box.click();
  await page.keyboard.type("no-such-object-anywhere");
  await expect(page.getByText("No results for “no-such-object-anywhere”")).toBeVisible();
  await screenshot(page, testInfo, "search-no-results.png");
  await page.keyboard.press("Escape");
  await expect(results).toBeHidden();
  await expect(box).toHaveValue("no-such-object-anywhere");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await expect(box).not.toBeFocused();
});

test("another tenant's objects never appear, however they are named", async ({ page, context }) => {
  const tag = uniq("Silo");
  const { company, admin } = await seedCompany();
  const theirs = await seedTwin(tag);
  await signInViaApi(context, admin.email, TEST_PASSWORD);
  await page.goto(`/companies/${company.id}`);
  const box = page.getByRole("combobox", { name: "Search everything" });
  for (const q of [tag, theirs.system.name, theirs.company.enterprise]) {
    await box.fill(q);
    await expect(page.getByText(`No results for “${q}”`)).toBeVisible();
  }
  const api = await page.request.get(`/api/v1/search?q=${tag}`);
  expect(await api.json()).toEqual({ q: tag, groups: [] });
});

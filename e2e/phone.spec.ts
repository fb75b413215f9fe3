import { expect, type Page, test } from "@playwright/test";
import { companyPath, profilePath, systemPath } from "../lib/ui/console-paths";
import { seedClient, seedDatastream, seedMember, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

// Not isMobile: a mobile layout viewport widens to fit what overflows, which would hide the very overflow checked.
test.use({ viewport: { width: 390, height: 844 } });

/** How far the page is wider than the screen (0: nothing overflows), and the outermost elements that stick out. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    if (window.innerWidth !== 390) throw new Error(`the window is ${window.innerWidth} px wide, not 390`);
    const out: string[] = [];
    // What a scroll container clips does not widen the page.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      if (right > window.innerWidth + 0.5 && !clipped(el)) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(right)} px`);
      }
    }
    return { by: document.documentElement.scrollWidth - window.innerWidth, out: out.slice(0, 8) };
  });
/** Is the element's box within the screen's width? */
async function withinScreen(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

test("on a 390 px phone no page is wider than the screen, and the menu, search and user menu are reachable", async ({
  page,
  context,
}, testInfo) => {
  const seeded = await seedClient();
  const { company, system, admin } = seeded;
  await seedDatastream(seeded);
  await seedMember(company.id, admin, "auditor");
  await signInViaApi(context, admin.email, TEST_PASSWORD);

  const pages: [string, string, string][] = [
    ["companies", "/", "Your companies"],
    ["company-systems", companyPath(company.id), "Systems"],
    ["system-overview", systemPath(company.id, system.id), "Kafka topics"],
    ["datastreams", systemPath(company.id, system.id, "datastreams"), "Datastreams"],
    ["clients", systemPath(company.id, system.id, "clients"), "Client applications"],
    ["members", companyPath(company.id, "members"), "Members"],
    ["audit", companyPath(company.id, "audit"), "Audit log"],
    ["cluster", companyPath(company.id, "cluster"), "Cluster"],
    ["profile", profilePath, "Your profile"],
  ];
  for (const [name, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeVisible();
    await screenshot(page, testInfo, `phone-${name}.png`);
    const wide = await overflow(page);
    expect.soft(wide.by, `${path} is wider than the screen: ${wide.out.join("; ")}`).toBeLessThanOrEqual(0);
  }

  // The navigation folds into a menu button.
  await page.goto(companyPath(company.id));
  await page.getByRole("button", { name: "Open the menu" }).click();
  const nav = page.locator("#main-nav-panel");
  for (const link of ["Companies", "API docs", "Status"]) {
    await expect(nav.getByRole("link", { name: link })).toBeVisible();
    expect(await withinScreen(page, nav.getByRole("link", { name: link }))).toBe(true);
  }
  await nav.getByRole("link", { name: "Status" }).click();
  await expect(page).toHaveURL("/status");
  await expect(nav).toHaveCount(0);

  // The user menu: its button is an icon, its items on the screen.
  await page.getByRole("button", { name: /Account menu/ }).click();
  for (const item of ["Profile and API tokens", "Sign out"]) {
    await expect(page.getByRole("menuitem", { name: item })).toBeVisible();
    expect(await withinScreen(page, page.getByRole("menuitem", { name: item })), item).toBe(true);
  }
  await screenshot(page, testInfo, "phone-user-menu.png");
  await page.getByRole("menuitem", { name: "Profile and API tokens" }).click();
  await expect(page).toHaveURL(profilePath);

  // Search sits behind an icon and opens over the header.
  await page.getByRole("button", { name: "Open search" }).click();
  const search = page.getByRole("combobox", { name: "Search everything" });
  await expect(search).toBeFocused();
  expect(await withinScreen(page, search)).toBe(true);
  await search.fill(system.station);
  const hit = page.getByRole("option").filter({ hasText: system.station }).first();
  await expect(hit).toBeVisible();
  await screenshot(page, testInfo, "phone-search.png");
  await hit.click();
  await expect(page).toHaveURL(systemPath(company.id, system.id));
  expect((await overflow(page)).by).toBeLessThanOrEqual(0);
});

import { expect, type Page, test } from "@playwright/test";
import { recordAuditEvent } from "../lib/audit/record-audit-event";
import { systemActor } from "../lib/authz/actor";
import { db } from "../lib/db/client";
import { createSystem } from "../lib/systems/create-system";
import { deleteThing } from "../lib/things/delete-thing";
import { companyPath, systemObjectPath, systemPath } from "../lib/ui/console-paths";
import { seedClient, seedCompany, seedMember, seedSystem, seedThing, TEST_PASSWORD, uniq } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

const tab = (page: Page, group: "Company" | "System", name: string) =>
  page.getByRole("navigation", { name: group }).getByRole("link", { name });

test("a forbidden page answers 403, says which right is missing and marks its own tab", async ({ browser }) => {
  const seeded = await seedCompany();
  const { system } = await seedSystem(seeded);
  const engineer = await seedMember(seeded.company.id, seeded.admin, "engineer");
  const operator = await seedMember(seeded.company.id, seeded.admin, "operator");

  const engineerContext = await browser.newContext();
  await signInViaApi(engineerContext, engineer.email, TEST_PASSWORD);
  const page = await engineerContext.newPage();
  const audit = await page.goto(companyPath(seeded.company.id, "audit"));
  expect(audit?.status()).toBe(403);
  await expect(page.getByText("You cannot open this page")).toBeVisible();
  await expect(page.getByText("Your role (engineer) may not read the audit log")).toBeVisible();
  await expect(tab(page, "Company", "Audit log")).toHaveAttribute("aria-current", "page");
  await expect(tab(page, "Company", "Systems")).not.toHaveAttribute("aria-current", "page");
  // The cluster page has a loading UI: the right is checked before it streams, so the status is still 403.
  expect((await page.goto(companyPath(seeded.company.id, "cluster")))?.status()).toBe(403);
  await expect(tab(page, "Company", "Cluster")).toHaveAttribute("aria-current", "page");
  // A page the role may open is 200, with its tab current.
  expect((await page.goto(companyPath(seeded.company.id)))?.status()).toBe(200);
  await expect(tab(page, "Company", "Systems")).toHaveAttribute("aria-current", "page");
  await engineerContext.close();

  const operatorContext = await browser.newContext();
  await signInViaApi(operatorContext, operator.email, TEST_PASSWORD);
  const operatorPage = await operatorContext.newPage();
  const clients = await operatorPage.goto(systemPath(seeded.company.id, system.id, "clients"));
  expect(clients?.status()).toBe(403);
  await expect(operatorPage.getByText("Your role (operator) may not see client applications")).toBeVisible();
  await expect(tab(operatorPage, "System", "Clients")).toHaveAttribute("aria-current", "page");
  await expect(tab(operatorPage, "System", "Overview")).not.toHaveAttribute("aria-current", "page");
  await operatorContext.close();
});

test("an auditor reads the cluster and the provisioning state without management buttons", async ({
  page,
  context,
  browser,
}) => {
  const seeded = await seedCompany();
  await seedClient(await seedSystem(seeded));
  const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
  await signInViaApi(context, auditor.email, TEST_PASSWORD);

  expect((await page.goto(companyPath(seeded.company.id, "provisioning")))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();
  await expect(tab(page, "Company", "Provisioning")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Reconcile now" })).toHaveCount(0);
  expect((await page.goto(companyPath(seeded.company.id, "cluster")))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Cluster" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Reset/ })).toHaveCount(0);

  // The admin still has the button.
  const adminContext = await browser.newContext();
  await signInViaApi(adminContext, seeded.admin.email, TEST_PASSWORD);
  const adminPage = await adminContext.newPage();
  await adminPage.goto(companyPath(seeded.company.id, "provisioning"));
  await expect(adminPage.getByRole("button", { name: "Reconcile now" })).toBeVisible();
  await adminContext.close();
});

test("counts take the right plural: one day, one partition", async ({ page, context }) => {
  const seeded = await seedCompany();
  const system = await createSystem({
    actor: seeded.admin.actor,
    companyId: seeded.company.id,
    input: { workcenter: uniq("wc"), station: uniq("st"), retentionDays: 1, partitions: 1 },
  });
  await signInViaApi(context, seeded.admin.email, TEST_PASSWORD);
  await page.goto(systemPath(seeded.company.id, system.id));
  await expect(page.getByText("Kept 1 day (cleanup.policy=delete), 1 partition each.")).toBeVisible();
  await expect(page.getByLabel("System facts")).toContainText(/Retention\s*1 day\s*Partitions\s*1\s*Created/);
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Companies" })).toContainText("1 system · 1 member");
});

test("without things, New datastream says to create a thing first; a unit definition must be a URI", async ({
  page,
  context,
}) => {
  const seeded = await seedSystem();
  await signInViaApi(context, seeded.admin.email, TEST_PASSWORD);
  await page.goto(systemPath(seeded.company.id, seeded.system.id, "datastreams"));
  await expect(page.getByText("A datastream belongs to a thing: create a thing first.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New datastream" })).toHaveCount(0);
  await page.getByRole("link", { name: "Create a thing" }).click();
  await expect(page).toHaveURL(systemPath(seeded.company.id, seeded.system.id, "things"));

  const { thing } = await seedThing(seeded);
  await page.goto(systemPath(seeded.company.id, seeded.system.id, "datastreams"));
  await page.getByRole("button", { name: "New datastream" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a datastream" });
  await dialog.getByLabel("Thing").selectOption(thing.id);
  await dialog.getByLabel("Name", { exact: true }).fill("temperature");
  await dialog.getByLabel("Unit definition").fill("not a uri");
  await dialog.getByRole("button", { name: "Create datastream" }).click();
  await expect(dialog.getByText(/An absolute URI such as/)).toBeVisible();
  await dialog.getByLabel("Unit definition").fill("http://qudt.org/vocab/unit/DEG_C");
  await dialog.getByRole("button", { name: "Create datastream" }).click();
  await expect(page).toHaveURL(/\/datastreams\/[0-9a-f-]+$/);
});

test("Create company opens the new company", async ({ page, context }) => {
  const { admin } = await seedCompany();
  await signInViaApi(context, admin.email, TEST_PASSWORD);
  await page.goto("/");
  await page.getByRole("button", { name: "Create company" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a company" });
  const [domain, enterprise] = [uniq("d"), uniq("e")];
  await dialog.getByLabel("Domain").fill(domain);
  await dialog.getByLabel("Enterprise").fill(enterprise);
  await dialog.getByRole("button", { name: "Create company" }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: `${domain}.${enterprise}` })).toBeVisible();
  await expect(tab(page, "Company", "Systems")).toHaveAttribute("aria-current", "page");
});

test("a toast never covers a dialog's buttons, on a desktop or a phone", async ({ page, context }, testInfo) => {
  const seeded = await seedThing();
  await signInViaApi(context, seeded.admin.email, TEST_PASSWORD);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(systemPath(seeded.company.id, seeded.system.id, "datastreams"));
    await page.getByRole("button", { name: "New datastream" }).first().click();
    const create = page.getByRole("dialog", { name: "Create a datastream" });
    await create.getByLabel("Thing").selectOption(seeded.thing.id);
    await create.getByLabel("Name", { exact: true }).fill(uniq("ds"));
    await create.getByRole("button", { name: "Create datastream" }).click();
    const toast = page.locator("[data-sonner-toast]").first();
    await expect(toast).toBeVisible();
    // With the toast still up, the new datastream's page offers Edit: its (tall) dialog's buttons stay clear of it.
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: /^Edit / });
    await expect(edit).toBeVisible();
    await edit.getByRole("button", { name: "Save", exact: true }).scrollIntoViewIfNeeded();
    await expect(toast).toBeVisible();
    const toastBox = await toast.boundingBox();
    for (const name of ["Save", "Cancel"]) {
      const box = await edit.getByRole("button", { name, exact: true }).boundingBox();
      expect(toastBox && box, name).toBeTruthy();
      if (!toastBox || !box) continue;
      const overlaps =
        toastBox.x < box.x + box.width &&
        box.x < toastBox.x + toastBox.width &&
        toastBox.y < box.y + box.height &&
        box.y < toastBox.y + toastBox.height;
      expect(overlaps, `the toast covers ${name} at ${size.width} px`).toBe(false);
    }
    await page.screenshot({ path: testInfo.outputPath(`toast-and-dialog-${size.width}.png`) });
    await edit.getByRole("button", { name: "Cancel", exact: true }).click();
  }
});

test("favicon.ico and the SVG logo are served from public/", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const svg = await request.get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});

test("a slow page change shows a progress bar until the page is there", async ({ page, context }) => {
  const seeded = await seedSystem();
  await signInViaApi(context, seeded.admin.email, TEST_PASSWORD);
  await page.goto(companyPath(seeded.company.id));
  const bar = page.getByRole("progressbar", { name: "Loading the page" });
  await expect(bar).toHaveCount(0);
  // The next page's server answer takes 1.5 s.
  await page.route(
    (url) => url.pathname === companyPath(seeded.company.id, "members"),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    },
  );
  await tab(page, "Company", "Members").click();
  await expect(bar).toBeVisible();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test("an object deleted meanwhile is not found, in words true for deleted and foreign objects alike", async ({
  page,
  context,
}) => {
  const seeded = await seedThing();
  await signInViaApi(context, seeded.admin.email, TEST_PASSWORD);
  const thingPage = systemObjectPath(seeded.company.id, seeded.system.id, "things", seeded.thing.id);
  await page.goto(thingPage);
  await expect(page.getByRole("heading", { name: seeded.thing.name, exact: true })).toBeVisible();
  await page.goto(companyPath(seeded.company.id));
  await deleteThing({ actor: seeded.admin.actor, thingId: seeded.thing.id });
  // Back to it (a fresh load, as after a reload): it is gone.
  expect((await page.goto(thingPage))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("what it showed may have been deleted, or you have no access to it")).toBeVisible();
  await expect(page.getByText("belongs to a company you are not in")).toHaveCount(0);
});

test("the audit log shows a deleted topic under Before, with After empty", async ({ page, context }, testInfo) => {
  const seeded = await seedSystem();
  const auditor = await seedMember(seeded.company.id, seeded.admin, "auditor");
  const topic = `${seeded.system.name}.ext`;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, systemActor("provisioning"), {
      companyId: seeded.company.id,
      action: "provisioning.topic.delete",
      target: { type: "kafka-topic", label: topic },
      after: { deleted: topic },
    }),
  );
  await signInViaApi(context, auditor.email, TEST_PASSWORD);
  await page.goto(`${companyPath(seeded.company.id, "audit")}?action=provisioning.topic.delete`);
  const row = page.getByRole("table", { name: "Audit events" }).getByRole("row").nth(1);
  await expect(row).toContainText("provisioning.topic.delete");
  await row.getByRole("button", { name: "Changes" }).click();
  const changes = page.getByRole("table", { name: "Changes" });
  const cells = changes.getByRole("row").nth(1).getByRole("cell");
  await expect(cells.nth(0)).toHaveText("deleted");
  await expect(cells.nth(1)).toHaveText(topic);
  await expect(cells.nth(2)).toHaveText("—");
  await screenshot(page, testInfo, "audit-deleted-topic.png");
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { registerClient } from "../lib/clients/register-client";
import { revokeClient } from "../lib/clients/revoke-client";
import { updateSystem } from "../lib/systems/update-system";
import { parseCsv } from "../test/parse-csv";
import { seedClient, seedCompany, seedMember, seedSystem, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

test("an auditor filters the audit log, exports exactly those rows, and can change nothing", async ({
  page,
  context,
  browser,
}, testInfo) => {
  const seeded = await seedCompany();
  const { company, admin } = seeded;
  const auditor = await seedMember(company.id, admin, "auditor");
  const engineer = await seedMember(company.id, admin, "engineer");
  const { system } = await seedSystem(seeded);
  const { client } = await seedClient({ ...seeded, system });
  const second = await registerClient({ actor: admin.actor, systemId: system.id, input: { name: "forecast_service" } });
  await revokeClient({ actor: admin.actor, clientId: second.client.id });
  await updateSystem({ actor: admin.actor, systemId: system.id, input: { description: "Car fleet, Salzburg" } });
  const name = `${company.domain}.${company.enterprise}`;

  await signInViaApi(context, auditor.email, TEST_PASSWORD);
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(name) }).click();
  const tabs = page.getByRole("navigation", { name: "Company" });
  await tabs.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit events" });
  // The admin's: company.create, 2× member.add, system.create, 2× client.register, client.revoke, system.update.
  // The reconciler's provisioning.* events (actor rhei:provisioning) join them whenever its pass runs.
  await page.getByLabel("Actor").fill(admin.email);
  await expect(page.getByText("1–8 of 8")).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText("system.update");
  await screenshot(page, testInfo, "audit-log.png");

  // Filter by actor and action; the filters go into the URL.
  await page.getByLabel("Actor").fill(admin.email.slice(0, 12).toUpperCase());
  await page.getByLabel("Action").fill("client.");
  await expect(page).toHaveURL(/action=client\./);
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("client.revoke");
  await expect(rows.nth(1)).toContainText(second.client.principal);
  await expect(rows.nth(1)).toContainText("user");

  // What changed: the revocation's before/after diff.
  await rows.nth(1).getByRole("button", { name: "Changes" }).click();
  const changes = page.getByRole("table", { name: "Changes" });
  await expect(changes.getByRole("row", { name: /^status active revoked$/ })).toBeVisible();
  await screenshot(page, testInfo, "audit-log-filtered.png");

  // The export holds exactly the filtered rows, all of them.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${name.replaceAll(".", "\\.")}-.*\\.csv$`));
  const csv = parseCsv(readFileSync((await download.path()) ?? "", "utf8"));
  expect(csv[0]?.slice(0, 5)).toEqual(["time", "actor_type", "actor", "actor_id", "action"]);
  expect(csv.slice(1).map((r) => [r[2], r[4], r[7]])).toEqual([
    [admin.email, "client.revoke", second.client.principal],
    [admin.email, "client.register", second.client.principal],
    [admin.email, "client.register", client.principal],
  ]);

  // A filter that matches nothing says so and offers to clear it.
  await page.getByLabel("Action").fill("company.delete");
  await expect(page.getByRole("main").getByText("No events match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Actor")).toHaveValue("");
  await expect(page.getByText(/^1–\d+ of (8|9|[1-9]\d+)$/)).toBeVisible(); // the 8 above, and the reconciler's

  // A time range, in the page and through the API (both read the same schema twice: at the edge and in the
  // domain operation; the production build once refused every time there).
  const utcInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await page.getByLabel("Actor").fill(admin.email);
  await page.getByLabel("From (UTC)").fill(utcInput(Date.now() - 3_600_000));
  await page.getByLabel("To (UTC)").fill(utcInput(Date.now() + 3_600_000));
  await expect(page).toHaveURL(/from=/);
  await expect(page.getByText("1–8 of 8")).toBeVisible();
  await page.getByLabel("From (UTC)").fill(utcInput(Date.now() + 2 * 3_600_000));
  await page.getByLabel("To (UTC)").fill(utcInput(Date.now() + 3 * 3_600_000));
  await expect(page.getByRole("main").getByText("No events match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  const range = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
  const listed = await page.request.get(`/api/v1/companies/${company.id}/audit-events?${range}&actor=${admin.email}`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { total: number }).total).toBe(8);
  const exported = await page.request.get(`/api/v1/companies/${company.id}/audit-events.csv?from=2026-11-25T10:00:00Z`);
  expect(exported.status()).toBe(200);
  const byDay = await page.request.get(`/api/v1/companies/${company.id}/audit-events?from=2026-11-25`);
  expect(byDay.status()).toBe(200);

  // Read-only everywhere else: no management on members, settings or systems.
  await tabs.getByRole("link", { name: "Members" }).click();
  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(members.getByRole("combobox")).toHaveCount(0);
  await expect(members.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await screenshot(page, testInfo, "auditor-members.png");
  await tabs.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Description")).toBeDisabled();
  await expect(page.getByRole("button", { name: /save|delete/i })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Systems" }).click();
  await expect(page.getByRole("link", { name: system.name })).toBeVisible();
  await expect(page.locator("main").getByRole("button", { name: /^(create|new|add|register|delete)\b/i })).toHaveCount(
    0,
  );

  // An engineer has no audit tab, and the page itself refuses.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(other, engineer.email, TEST_PASSWORD);
  const engineerPage = await other.newPage();
  await engineerPage.goto(`/companies/${company.id}`);
  await expect(
    engineerPage.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Audit log" }),
  ).toHaveCount(0);
  await engineerPage.goto(`/companies/${company.id}/audit`);
  await expect(engineerPage.getByText("You cannot open this page")).toBeVisible();
  await expect(engineerPage.getByText("Your role (engineer) may not read the audit log")).toBeVisible();
  const csvResponse = await engineerPage.request.get(`/api/v1/companies/${company.id}/audit-events.csv`);
  expect(csvResponse.status()).toBe(403);
  await other.close();
});

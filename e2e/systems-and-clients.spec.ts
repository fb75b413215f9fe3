import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { basicAuthorization } from "../lib/ui/api-credentials";
import { seedClient, seedCompany, seedMember, seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

const NAME_RULE = "Use letters A–Z a–z, digits 0–9 and '-' only (1–63 characters)";
const CLIENT_RULE = "Use letters A–Z a–z, digits 0–9, '-' and '_' only (1–63 characters)";

/** "Who am I" with a client's Basic credentials: 200 while the secret is valid, 401 once it is not. */
async function whoAmIStatus(request: APIRequestContext, principal: string, secret: string) {
  const authorization = basicAuthorization(principal, secret);
  return (await request.get("/api/v1/client", { headers: { authorization } })).status();
}

/** A full-page screenshot from the top (the sticky header otherwise lands mid-page), without passing toasts. */
async function screenshot(page: Page, ...paths: string[]) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const path of paths) {
    await page.screenshot({ path, fullPage: true, style: "[data-sonner-toaster] { display: none }" });
  }
}

async function readSecretDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: /^Secret of / });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Copy the secret now: it will not be shown again")).toBeVisible();
  const secret = await dialog.getByLabel("Client secret").inputValue();
  expect(secret).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
  return { dialog, secret };
}

test("an admin creates a system, registers, rotates, revokes and deletes a client, then deletes the system", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  const { company, admin } = await seedCompany();
  const companyName = `${company.domain}.${company.enterprise}`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInViaApi(context, admin.email, TEST_PASSWORD);

  // Create a system; a name that breaks the rule is refused with the rule shown.
  await page.goto(`/companies/${company.id}`);
  await expect(page.getByRole("main").getByText("No systems yet")).toBeVisible();
  await page.getByRole("button", { name: "Create system" }).click();
  const create = page.getByRole("dialog", { name: "Create a system" });
  await create.getByLabel("Workcenter").fill("Car Fleet");
  await create.getByLabel("Station").fill("Car1");
  await create.getByRole("button", { name: "Create system" }).click();
  await expect(create.getByText(NAME_RULE)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("create-system-refused.png") });
  await create.getByLabel("Workcenter").fill("iot4cps-wp5-CarFleet");
  const systemName = `${companyName}.iot4cps-wp5-CarFleet.Car1`;
  await expect(create.getByTestId("system-name-preview")).toHaveText(systemName);
  await expect(create.getByRole("list", { name: "Topics of the new system" })).toHaveText(
    [`${systemName}.int`, `${systemName}.ext`, `${systemName}.log`].join(""),
  );
  await create.getByLabel("Description").fill("The first car of the fleet");
  await create.getByLabel("Retention (days)").fill("7");
  await create.getByLabel("Partitions").fill("2");
  await create.getByRole("button", { name: "Create system" }).click();

  // The system page: header, facts, topics.
  await expect(page.getByRole("heading", { name: systemName })).toBeVisible();
  await expect(page.getByRole("main").getByText("The first car of the fleet")).toBeVisible();
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: "7 days" })).toBeVisible();
  const topics = page.getByRole("list", { name: "Kafka topics" });
  for (const suffix of ["int", "ext", "log"]) await expect(topics.getByText(`${systemName}.${suffix}`)).toBeVisible();
  await screenshot(page, testInfo.outputPath("system-page.png"), "test-results/screenshots/system-page.png");
  const systemUrl = page.url();

  // Register a client; a bad name is refused with the rule.
  await page.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Clients" }).click();
  await expect(page.getByRole("main").getByText("No client applications yet")).toBeVisible();
  await page.getByRole("button", { name: "Register client" }).click();
  const register = page.getByRole("dialog", { name: "Register a client application" });
  await register.getByLabel("Name").fill("car 1");
  await register.getByRole("button", { name: "Register client" }).click();
  await expect(register.getByText(CLIENT_RULE)).toBeVisible();
  await register.getByLabel("Name").fill("car_1");
  await expect(register.getByTestId("principal-preview")).toHaveText(`${systemName}.car_1`);
  await register.getByRole("button", { name: "Register client" }).click();

  // The secret, once, with the configuration to copy and download.
  const first = await readSecretDialog(page);
  await first.dialog.getByRole("button", { name: "Copy configuration" }).click();
  await expect(page.getByText("Configuration copied")).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied).toEqual({
    console: new URL(page.url()).origin,
    bootstrapServers: expect.stringMatching(/:\d+$/),
    system: systemName,
    client: "car_1",
    secret: first.secret,
  });
  const download = page.waitForEvent("download");
  await first.dialog.getByRole("button", { name: "Download rhei-client.json" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("rhei-client.json");
  expect(JSON.parse(await readFile(await file.path(), "utf8"))).toEqual(copied);
  await expect(first.dialog.getByText("new RheiClient({")).toBeVisible();
  // Tall enough to show the whole dialog, which scrolls in the default viewport.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await screenshot(page, testInfo.outputPath("secret-dialog.png"), "test-results/screenshots/secret-dialog.png");
  if (viewport) await page.setViewportSize(viewport);
  // A stray Escape does not lose the secret; only the explicit button closes the dialog.
  await page.keyboard.press("Escape");
  await expect(first.dialog).toBeVisible();
  await first.dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(first.dialog).toBeHidden();
  expect(await whoAmIStatus(page.request, `${systemName}.car_1`, first.secret)).toBe(200);

  const clients = page.getByRole("table", { name: "Clients" });
  const row = clients.getByRole("row", { name: /car_1/ });
  await expect(row.getByText("active")).toBeVisible();
  expect(await page.content()).not.toContain(first.secret);
  await screenshot(page, testInfo.outputPath("clients.png"), "test-results/screenshots/clients.png");

  // The client page: no secret, a placeholder in its configuration.
  await row.getByRole("link", { name: "car_1" }).click();
  await expect(page.getByRole("heading", { name: "car_1" })).toBeVisible();
  await expect(page.getByRole("main").getByText(`"secret": "<shown once at registration or rotation>"`)).toBeVisible();
  expect(await page.content()).not.toContain(first.secret);
  await page.getByLabel("Description").fill("Car one's telematics unit");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await screenshot(page, testInfo.outputPath("client-page.png"), "test-results/screenshots/client-page.png");

  // Rotate: confirm, then the new secret is shown once; the old one stops working.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotateConfirm = page.getByRole("alertdialog", { name: "Rotate the secret of car_1?" });
  await expect(rotateConfirm.getByText(/The current secret stops working/)).toBeVisible();
  await rotateConfirm.getByRole("button", { name: "Rotate secret" }).click();
  const second = await readSecretDialog(page);
  expect(second.secret).not.toBe(first.secret);
  await second.dialog.getByRole("button", { name: "I have saved the secret" }).click();
  const secretVersion = page.getByLabel("Client facts").locator("div").filter({ hasText: "Secret version" });
  await expect(secretVersion.getByRole("definition")).toHaveText("2");
  expect(await whoAmIStatus(page.request, `${systemName}.car_1`, first.secret)).toBe(401);
  expect(await whoAmIStatus(page.request, `${systemName}.car_1`, second.secret)).toBe(200);

  // Revoke: the confirmation names the consequences; the secret is refused at once.
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  const revokeConfirm = page.getByRole("alertdialog", { name: "Revoke car_1?" });
  await expect(revokeConfirm.getByText(/can no longer produce to or consume from/)).toBeVisible();
  await revokeConfirm.getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByText(`${systemName}.car_1 revoked`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-issue credentials" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Revoked: this configuration no longer works.")).toBeVisible();
  expect(await whoAmIStatus(page.request, `${systemName}.car_1`, second.secret)).toBe(401);

  // The system cannot go while it has a client: the refusal says how many and links them.
  await page.goto(`${systemUrl}/settings`);
  await page.getByRole("button", { name: "Delete system" }).click();
  const refused = page.getByRole("dialog", { name: `${systemName} cannot be deleted yet` });
  await expect(refused.getByText("It still has 1 client application")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("delete-system-refused.png") });
  await refused.getByRole("link", { name: "Go to its clients" }).click();
  await expect(page).toHaveURL(`${systemUrl}/clients`);

  // Delete the client (typing its name).
  await page.getByRole("link", { name: "car_1" }).click();
  await page.getByRole("button", { name: "Delete client" }).click();
  const deleteClient = page.getByRole("alertdialog", { name: "Delete car_1?" });
  await deleteClient.getByLabel("Type car_1 to confirm").fill("car_1");
  await deleteClient.getByRole("button", { name: "Delete client" }).click();
  await expect(page).toHaveURL(`${systemUrl}/clients`);
  await expect(page.getByRole("main").getByText("No client applications yet")).toBeVisible();

  // Settings: partitions only grow, and the form says so before the server does.
  await page.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Partitions").fill("1");
  await page.getByLabel("Retention (days)").fill("30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("At least 2 (partitions can only grow)")).toBeVisible();
  await page.getByLabel("Partitions").fill("4");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved; the topics are being updated")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "30 days" })).toBeVisible();

  // Delete the system: the confirmation names its topics.
  await page.getByRole("button", { name: "Delete system" }).click();
  const deleteSystem = page.getByRole("alertdialog", { name: `Delete ${systemName}?` });
  await expect(deleteSystem.getByText(`${systemName}.ext`)).toBeVisible();
  await expect(deleteSystem.getByText("0 things, 0 sensors, 0 datastreams")).toBeVisible();
  await deleteSystem.getByLabel(`Type ${systemName} to confirm`).fill(systemName);
  await deleteSystem.getByRole("button", { name: "Delete system" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${company.id}$`));
  await expect(page.getByRole("main").getByText("No systems yet")).toBeVisible();
});

test("an engineer reads systems and clients without managing them; an operator cannot open a client; an outsider gets 404", async ({
  page,
  context,
  browser,
}, testInfo) => {
  const seeded = await seedClient();
  const { company, system, client, admin } = seeded;
  const engineer = await seedMember(company.id, admin, "engineer");
  const operator = await seedMember(company.id, admin, "operator");
  const systemUrl = `/companies/${company.id}/systems/${system.id}`;

  await signInViaApi(context, engineer.email, TEST_PASSWORD);
  await page.goto(`/companies/${company.id}`);
  await expect(page.getByRole("link", { name: system.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create system" })).toHaveCount(0);
  await page.getByRole("link", { name: system.name }).click();
  await expect(page.getByRole("heading", { name: system.name })).toBeVisible();
  await page.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("main").getByText("Only admins change a system's settings.")).toBeVisible();
  await expect(page.getByLabel("Retention (days)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete system" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Clients" }).click();
  await expect(page.getByRole("table", { name: "Clients" }).getByText(client.principal)).toBeVisible();
  await expect(page.getByRole("button", { name: "Register client" })).toHaveCount(0);
  await page.getByRole("link", { name: client.name }).click();
  await expect(page.getByRole("heading", { name: client.name })).toBeVisible();
  await expect(page.getByRole("button", { name: /Rotate secret|Revoke|Delete client/ })).toHaveCount(0);
  await expect(page.getByRole("main").getByText("No description")).toHaveCount(2); // the system's and the client's
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await screenshot(page, testInfo.outputPath("engineer-client-page.png"));

  const operatorContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(operatorContext, operator.email, TEST_PASSWORD);
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto(systemUrl);
  await expect(operatorPage.getByRole("heading", { name: system.name })).toBeVisible();
  await expect(
    operatorPage.getByRole("navigation", { name: "System" }).getByRole("link", { name: "Clients" }),
  ).toHaveCount(0);
  await operatorPage.goto(`${systemUrl}/clients/${client.id}`);
  await expect(operatorPage.getByText("You cannot open this page")).toBeVisible();
  await expect(operatorPage.getByText("Your role (operator) may not see client applications")).toBeVisible();
  await operatorPage.screenshot({ path: testInfo.outputPath("operator-client-denied.png"), fullPage: true });
  await operatorContext.close();

  const outsider = await seedUser("Eve");
  const outsiderContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(outsiderContext, outsider.email, TEST_PASSWORD);
  const outsiderPage = await outsiderContext.newPage();
  for (const path of [systemUrl, `${systemUrl}/clients/${client.id}`]) {
    const response = await outsiderPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await outsiderContext.close();
});

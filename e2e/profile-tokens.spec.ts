import { expect, test } from "@playwright/test";
import { bearerAuthorization, curlWithToken } from "../lib/ui/api-credentials";
import { seedCompany, seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { screenshot } from "./support/screenshot";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

test("the profile: rename, change the password, create a token, use it, revoke it", async ({
  page,
  context,
  playwright,
}, testInfo) => {
  const user = await seedUser("Grace Hopper");
  const { company } = await seedCompany(user);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInViaApi(context, user.email, TEST_PASSWORD);

  await page.goto("/");
  await page.getByRole("button", { name: "Grace Hopper" }).click();
  await page.getByRole("menuitem", { name: "Profile and API tokens" }).click();
  await expect(page).toHaveURL("/profile");
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByRole("main").getByText("No API tokens yet")).toBeVisible();

  await page.getByLabel("Name").fill("Grace B. Hopper");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Grace B. Hopper" })).toBeVisible();

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("cobol and compilers");
  await page.getByLabel("Repeat the new password").fill("cobol and compilers");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Wrong password")).toBeVisible();
  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveValue("");

  // Create a token: shown once, with a copy button and a curl line.
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText("Required")).toBeVisible();
  await dialog.getByLabel("Name").fill("ci pipeline");
  await dialog.getByLabel("Expires").selectOption("30");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: "Token “ci pipeline” created" });
  const tokenField = shown.getByLabel("Your new API token");
  await expect(tokenField).toHaveValue(/^rhei_pat_[A-Za-z0-9_-]{43}$/);
  const token = await tokenField.inputValue();
  const origin = new URL(page.url()).origin;
  await expect(shown.locator("pre")).toHaveText(curlWithToken(`${origin}/api/v1`, token));
  await shown.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await screenshot(page, testInfo, "profile-token-created.png");
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  const row = page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: /ci pipeline/ });
  await expect(row).toContainText(`${token.slice(0, 13)}…`);
  await expect(row).toContainText("active");
  await expect(page.getByRole("table", { name: "API tokens" })).not.toContainText(token);

  // The token works from outside the browser, as its user…
  const api = await playwright.request.newContext({ baseURL: origin });
  const ok = await api.get("/api/v1/companies", { headers: { authorization: bearerAuthorization(token) } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).items.map((c: { id: string }) => c.id)).toEqual([company.id]);
  await page.reload();
  await expect(row).not.toContainText("never");

  // …until it is revoked.
  await row.getByRole("button", { name: "Revoke ci pipeline" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “ci pipeline”?" });
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("“ci pipeline” revoked")).toBeVisible();
  await expect(row).toContainText("revoked");
  await screenshot(page, testInfo, "profile-token-revoked.png");
  const refused = await api.get("/api/v1/companies", { headers: { authorization: bearerAuthorization(token) } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  await api.dispose();
});

test("the API docs page renders the generated OpenAPI document", async ({ page, context }, testInfo) => {
  const user = await seedUser();
  await signInViaApi(context, user.email, TEST_PASSWORD);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API docs" }).click();
  await expect(page.getByRole("heading", { name: "Rhei API v1" })).toBeVisible();
  const served = (await (await page.request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const operationIds = Object.values(served.paths).flatMap((methods) =>
    Object.values(methods).map((o) => o.operationId),
  );
  const nav = page.getByRole("navigation", { name: "Endpoints" });
  for (const id of operationIds) await expect(nav.getByRole("link", { name: new RegExp(`${id}$`) })).toBeVisible();

  await nav.getByRole("link", { name: /listAuditEvents$/ }).click();
  const op = page.locator("details#listAuditEvents");
  await op.locator("summary").click();
  await expect(op.getByText("/companies/{companyId}/audit-events", { exact: true })).toBeVisible();
  await expect(op.getByRole("cell", { name: /^pageSize/ })).toBeVisible();
  await expect(op.getByText("≥ 1 · ≤ 200 · default 50")).toBeVisible();
  await page.locator("details#createCompany summary").click();
  const body = page.locator("details#createCompany section", { hasText: "Request body" });
  await expect(body.getByText("no other fields")).toBeVisible();
  await expect(body.getByText("required")).toHaveCount(2);
  await screenshot(page, testInfo, "api-docs.png");
});

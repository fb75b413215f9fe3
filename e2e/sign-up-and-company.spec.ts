import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { assertTestProfile } from "./guard";

assertTestProfile();

test("a new user signs up, signs in, creates a company and sees it on the home page", async ({ page }, testInfo) => {
  const id = randomBytes(4).toString("hex");
  const email = `ada-${id}@example.test`;
  const password = "analytical engine 1843";

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);
  await page.getByRole("link", { name: "Create an account" }).click();

  // The form shows the rules inline before anything is sent.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address such as ada@example.com")).toBeVisible();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Password").blur();
  await expect(page.getByText("At least 10 characters")).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Your companies" })).toBeVisible();
  await expect(page.getByRole("main").getByText("You are not in any company yet")).toBeVisible();

  // Sign out and in again through the sign-in form.
  await page.getByRole("button", { name: "Ada Lovelace" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is wrong")).toBeVisible();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your companies" })).toBeVisible();

  // Create a company; a name that breaks the rule is refused with the rule shown.
  await page.getByRole("button", { name: "Create company" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a company" });
  await dialog.getByLabel("Domain").fill("cz");
  await dialog.getByLabel("Enterprise").fill("ice cars");
  await dialog.getByRole("button", { name: "Create company" }).click();
  await expect(dialog.getByText(/Use letters A–Z a–z, digits 0–9 and '-' only/)).toBeVisible();
  await dialog.getByLabel("Enterprise").fill(`icecars-${id}`);
  await dialog.getByLabel("Description").fill("Connected cars on icy roads");
  await dialog.getByRole("button", { name: "Create company" }).click();
  await expect(dialog).toBeHidden();
  // The new company opens, and the home page lists it.
  await expect(page.getByRole("heading", { name: `cz.icecars-${id}` })).toBeVisible();
  await page.getByRole("link", { name: "Rhei home" }).click();

  const card = page
    .getByRole("list", { name: "Companies" })
    .getByRole("listitem")
    .filter({ hasText: `cz.icecars-${id}` });
  await expect(card).toBeVisible();
  await expect(card.getByText("admin")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("home-with-company.png"), fullPage: true });
  await page.screenshot({ path: "test-results/screenshots/home-with-company.png", fullPage: true });
});

test("a company name that is taken is refused", async ({ page, request }) => {
  // Two users race for the same name: the second gets a clear conflict, not a crash.
  const id = randomBytes(4).toString("hex");
  for (const who of ["first", "second"]) {
    await page.context().clearCookies();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(`User ${who}`);
    await page.getByLabel("Email").fill(`${who}-${id}@example.test`);
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Your companies" })).toBeVisible();
    await page.getByRole("button", { name: "Create company" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a company" });
    await dialog.getByLabel("Domain").fill("at");
    await dialog.getByLabel("Enterprise").fill(`taken-${id}`);
    await dialog.getByRole("button", { name: "Create company" }).click();
    if (who === "first") await expect(dialog).toBeHidden();
    else await expect(dialog.getByText("This name is taken")).toBeVisible();
  }
  expect((await request.get("/api/health")).ok()).toBe(true);
});

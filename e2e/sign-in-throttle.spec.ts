import { expect, test } from "@playwright/test";
import { seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";

assertTestProfile();

test("ten wrong passwords for one email lock its sign-in for a while, with a clear message", async ({ page }) => {
  const user = await seedUser("Guessed At");
  await page.goto("/sign-in");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is wrong")).toBeVisible();
  }
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many failed sign-ins for this email")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

import { expect, test } from "@playwright/test";
import { seedCompany, seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

test("an admin manages members and settings; an outsider gets a 404", async ({ page, context, browser }, testInfo) => {
  const { company, admin } = await seedCompany();
  const colleague = await seedUser("Charles Babbage");
  const name = `${company.domain}.${company.enterprise}`;
  await signInViaApi(context, admin.email, TEST_PASSWORD);

  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("main").getByText("No systems yet")).toBeVisible();

  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  // An address no account uses is invited like any other: the answer tells the admin nothing about accounts.
  await dialog.getByLabel("Email").fill("nobody-here@example.test");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Invited nobody-here@example.test as engineer")).toBeVisible();
  await page.getByRole("button", { name: "Invite member" }).click();
  await dialog.getByLabel("Email").fill(colleague.email);
  await dialog.getByLabel("Role").selectOption("auditor");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog).toBeHidden();
  const invitations = page.getByRole("list", { name: "Invitations" });
  await expect(invitations.getByText(colleague.email)).toBeVisible();
  await expect(invitations.getByText("nobody-here@example.test")).toBeVisible();

  // The colleague joins by accepting, from their own home page.
  const theirs = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(theirs, colleague.email, TEST_PASSWORD);
  const theirPage = await theirs.newPage();
  await theirPage.goto("/");
  await theirPage.getByRole("button", { name: `Join ${name}` }).click();
  await expect(theirPage.getByRole("heading", { name })).toBeVisible();
  await theirs.close();

  await page.reload();
  const table = page.getByRole("table", { name: "Members" });
  await expect(table.getByRole("row", { name: new RegExp(colleague.email) })).toBeVisible();
  await expect(invitations.getByText(colleague.email)).toHaveCount(0);

  await table.getByLabel(`Role of ${colleague.email}`).selectOption("engineer");
  await expect(page.getByText(`${colleague.email} is now engineer`)).toBeVisible();
  // The last admin cannot demote themselves: the select snaps back and says why.
  await table.getByLabel(`Role of ${admin.email}`).selectOption("operator");
  await expect(page.getByText("The last admin of a company cannot be demoted")).toBeVisible();
  await expect(table.getByLabel(`Role of ${admin.email}`)).toHaveValue("admin");

  await page.getByLabel("Filter members").fill("babbage");
  await expect(table.getByRole("row")).toHaveCount(2); // header + one match
  await page.screenshot({ path: testInfo.outputPath("members.png"), fullPage: true });

  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Description").fill("Cars on icy roads");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // Someone outside the company sees a plain 404, not a hint that the company exists.
  const outsider = await seedUser("Eve");
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  await signInViaApi(other, outsider.email, TEST_PASSWORD);
  const otherPage = await other.newPage();
  const response = await otherPage.goto(`/companies/${company.id}/members`);
  expect(response?.status()).toBe(404);
  await expect(
    otherPage.getByText(
      "This page does not exist (any more): what it showed may have been deleted, or you have no access to it.",
    ),
  ).toBeVisible();
  await other.close();
});

import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { io } from "socket.io-client";
import { seedUser, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

const cookieHeader = async (context: BrowserContext) =>
  (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

/** What Socket.IO answers a handshake with this cookie: the greeting's user, or the refusal. */
async function handshake(baseURL: string, cookie: string) {
  const socket = io(baseURL, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
  });
  try {
    return await new Promise<string>((resolve) => {
      socket.on("session:ready", (r: { user: { email: string } }) => resolve(r.user.email));
      socket.on("connect_error", (e) => resolve(e.message));
    });
  } finally {
    socket.close();
  }
}

async function expectSignedOut(page: Page) {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile/);
}

test("a password change signs out the user's other browsers, not this one; so does 'sign out other sessions'", async ({
  browser,
  context,
  page,
  baseURL,
}) => {
  const user = await seedUser("Two Browsers");
  await signInViaApi(context, user.email, TEST_PASSWORD);
  const laptop = await browser.newContext({ baseURL });
  await signInViaApi(laptop, user.email, TEST_PASSWORD);
  const laptopPage = await laptop.newPage();
  await laptopPage.goto("/profile");
  await expect(laptopPage.getByRole("heading", { name: "Your profile" })).toBeVisible();
  const staleCookie = await cookieHeader(laptop);
  expect(await handshake(baseURL ?? "", staleCookie)).toBe(user.email);

  await page.goto("/profile");
  const next = "cobol and compilers";
  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();

  // The other browser's session is void everywhere: pages, server actions' sessions and the socket handshake.
  await expectSignedOut(laptopPage);
  expect(await handshake(baseURL ?? "", staleCookie)).toBe("unauthenticated");
  // This browser carries the new epoch.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  expect(await handshake(baseURL ?? "", await cookieHeader(context))).toBe(user.email);

  // Signed in again on the laptop with the new password, then signed out from here.
  await signInViaApi(laptop, user.email, next);
  await laptopPage.goto("/profile");
  await expect(laptopPage.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out other sessions" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Sign out your other sessions?" });
  await confirm.getByRole("button", { name: "Sign out others" }).click();
  await expect(page.getByText("Other sessions signed out")).toBeVisible();
  await expectSignedOut(laptopPage);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await laptop.close();
});

import { expect, test } from "@playwright/test";
import { seedCompany, TEST_PASSWORD } from "../test/seed";
import { assertTestProfile } from "./guard";
import { signInViaApi } from "./support/sign-in";

assertTestProfile();

test("every page carries a strict CSP and a Permissions-Policy, and works under them", async ({ page, context }) => {
  const { company, admin } = await seedCompany();
  await signInViaApi(context, admin.email, TEST_PASSWORD);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", `/companies/${company.id}`, `/companies/${company.id}/members`, "/profile", "/api-docs"]) {
    const response = await page.goto(path);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response?.headers()["permissions-policy"]).toContain("camera=()");
    await expect(page.getByRole("main")).toBeVisible();
  }
  // Interactive parts still run: a dialog opens (its script was allowed by the nonce).
  await page.goto(`/companies/${company.id}/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByRole("dialog", { name: "Invite a member" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("sign-in never returns to another origin, whatever the callbackUrl hides", async ({ page }) => {
  const { admin } = await seedCompany();
  await page.goto("/sign-in?callbackUrl=/%09/127.0.0.1:9/pwned");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your companies" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "").host);
});

test("a cross-origin server action or POST is refused with 403, not 500", async ({ request, baseURL }) => {
  const action = await request.post(`${baseURL}/`, {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  const form = await request.post(`${baseURL}/companies`, {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: "x=1",
  });
  expect(form.status()).toBe(403);
  // The same request from the console's own origin reaches Next.js (which refuses an unknown action itself).
  const own = await request.post(`${baseURL}/`, {
    headers: { origin: new URL(baseURL ?? "").origin, "next-action": "0".repeat(40), "content-type": "text/plain" },
    data: "[]",
  });
  expect(own.status()).not.toBe(403);
});

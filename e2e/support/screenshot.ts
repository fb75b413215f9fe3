import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/** A full-page screenshot (without toasts) kept as the test's artifact, with a copy in test-results/screenshots/ to look at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(name);
  // Sticky headers are drawn where the page is scrolled to; from the top they sit where they belong.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Passing toasts would cover what the page shows.
  await page.screenshot({ path: file, fullPage: true, style: "[data-sonner-toaster] { display: none }" });
  mkdirSync("test-results/screenshots", { recursive: true });
  copyFileSync(file, path.join("test-results/screenshots", name));
}

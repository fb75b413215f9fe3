import type { BrowserContext } from "@playwright/test";

/** Signs in through next-auth's credentials endpoint (not the form), leaving the session cookie in the context. */
export async function signInViaApi(context: BrowserContext, email: string, password: string): Promise<void> {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} failed (HTTP ${response.status()})`);
  }
}

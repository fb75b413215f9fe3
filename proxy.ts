import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "@/lib/security/content-security-policy";

// Runs before every page: a fresh nonce per request, handed to Next.js through the request's CSP header (it stamps
// the nonce on the scripts it renders) and sent to the browser in the response's.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("permissions-policy", PERMISSIONS_POLICY);
  return response;
}

export const config = {
  // Pages only: API answers are JSON or files, and static assets carry no scripts.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon|.*\\.(?:svg|png|ico|txt)$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};

import type { IncomingMessage } from "node:http";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request changes state from another origin: a browser sends Origin with every cross-site POST, so a
 * foreign one means another site's page is posting with the user's cookie (a server action, a form, a fetch).
 * Refused before Next.js sees it, which would answer its own check on server actions with a 500. Requests without
 * Origin (curl, the SDK, API tokens) are not a browser's and carry no one else's cookie.
 */
export function isCrossOriginWrite(req: IncomingMessage, allowedOrigin: string): boolean {
  if (safeMethods.has(req.method ?? "GET")) return false;
  const origin = req.headers.origin;
  return origin !== undefined && origin !== allowedOrigin;
}

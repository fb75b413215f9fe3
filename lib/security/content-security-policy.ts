// The console's Content-Security-Policy, built per request around a fresh nonce (proxy.ts): scripts run only if
// they are the console's own (Next.js stamps the nonce on its inline and chunk scripts, and 'strict-dynamic' lets
// those load the rest); nothing may frame the console, post a form elsewhere, or load plugins. Styles allow inline
// attributes because charts and dialogs position themselves with style="…", which cannot carry a nonce.
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Development builds evaluate modules for fast refresh; production never does.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    // Same-origin fetches and the Socket.IO WebSocket ('self' covers ws: and wss: on the same host).
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Browser features the console never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

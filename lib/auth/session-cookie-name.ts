import { env } from "../env";

// Apart from session-cookie.ts, which needs next/headers: server.ts's module graph (Socket.IO) reads these before
// Next.js has started, where next/headers cannot load.

/** How long a session lasts without use (next-auth rolls it forward on use). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

// next-auth's own rule: secure cookies, with their __Secure- name, when the console is served over https.
export const SECURE_SESSION_COOKIE = env.NEXTAUTH_URL.startsWith("https://");
export const SESSION_COOKIE = SECURE_SESSION_COOKIE ? "__Secure-next-auth.session-token" : "next-auth.session-token";

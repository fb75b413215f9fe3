import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { safeReturnPath } from "../ui/safe-return-path";
import { SESSION_MAX_AGE_S } from "./session-cookie-name";
import { clientAddressOf, throttle } from "./throttle";
import { signInLimits } from "./throttle-window";
import { verifyCredentials } from "./verify-credentials";

/** What the sign-in form shows when the throttle refuses (next-auth passes a thrown message through as `error`). */
export const TOO_MANY_ATTEMPTS = "too-many-attempts";

// Sessions are signed JWTs (no session table): any console process can check them, which lets the console scale
// out, and Socket.IO reads the same cookie (lib/live/socket-session.ts).
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) => {
        const key = String(credentials?.email ?? "")
          .trim()
          .toLowerCase();
        // No account has such an address; refused like a wrong password, before anything reaches the database.
        if (key.includes("\u0000") || String(credentials?.password ?? "").includes("\u0000")) return null;
        const limits = signInLimits(key, clientAddressOf(req.headers ?? {}));
        if ((await throttle.retryAfter(limits)) > 0) throw new Error(TOO_MANY_ATTEMPTS);
        const user = await verifyCredentials(credentials);
        // A success clears this client's count only: failures from elsewhere still count against the address.
        if (user) await throttle.clear(limits.slice(0, 1));
        else await throttle.record(limits);
        return user;
      },
    }),
  ],
  callbacks: {
    // Only paths of this console, checked as the sign-in page checks them (safeReturnPath): next-auth's default
    // would take "/\t/evil.test", which a browser reads as //evil.test.
    redirect: ({ url, baseUrl }) => {
      if (url.startsWith(baseUrl)) return `${baseUrl}${safeReturnPath(url.slice(baseUrl.length) || "/")}`;
      return `${baseUrl}${safeReturnPath(url)}`;
    },
    jwt: ({ token, user }) => {
      if (user) {
        token.uid = user.id;
        token.epoch = user.sessionEpoch;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.epoch = token.epoch;
      }
      return session;
    },
  },
};

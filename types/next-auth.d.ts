import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; epoch?: number; name?: string | null; email?: string | null; image?: string | null };
  }
  interface User {
    sessionEpoch?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The user's session epoch when this session was signed in (see User.sessionEpoch). */
    epoch?: number;
  }
}

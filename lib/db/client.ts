import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 }),
    // Secret columns never leave the database unless a query asks for them by name.
    omit: {
      user: { passwordHash: true },
      client: { secretHash: true, pendingCredential: true },
      apiToken: { tokenHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, for domain operations that write an object and its audit event together. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process: Next.js dev reloads modules, which would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { rheiDb?: Db };
export const db: Db = globalForDb.rheiDb ?? createClient();
globalForDb.rheiDb = db;

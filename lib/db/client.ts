import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { invalid } from "../errors";
import { PrismaClient } from "../generated/prisma/client";
import { NUL_REFUSAL, nulCharacterPath } from "../text-problems";

function createClient() {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 }),
    // Secret columns never leave the database unless a query asks for them by name.
    omit: {
      user: { passwordHash: true },
      client: { secretHash: true, pendingCredential: true },
      apiToken: { tokenHash: true },
    },
  });
  // The last line of defence, whatever path text took to a query (a page's URL, a sign-in form, a header):
  // PostgreSQL would fail on a NUL with a 500; this is the user's input, so it is their error (422).
  return client.$extends({
    query: {
      $allOperations({ args, query }) {
        const at = nulCharacterPath(args, "");
        if (at !== undefined)
          throw invalid(`Text ${NUL_REFUSAL}`, { [at.replace(/^(data|where)\./, "") || "_"]: [NUL_REFUSAL] });
        return query(args);
      },
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

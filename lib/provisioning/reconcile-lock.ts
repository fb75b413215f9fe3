import "server-only";
import pg from "pg";
import { env } from "../env";

// One reconciler at a time across every console process: a PostgreSQL session advisory lock, held on a
// connection of its own for the length of one pass. If the process dies, PostgreSQL drops the connection and
// the lock with it, so a crashed reconciler never blocks the others. (Prisma cannot pin a pooled connection
// for a session lock, hence plain `pg` here, with constant SQL and bound parameters.)
const LOCK_KEY = 0x72_68_65_69; // "rhei"

export async function withReconcileLock<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  // Without a listener, a connection lost mid-pass would be an uncaught error that ends the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOCK_KEY]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

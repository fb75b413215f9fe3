import "server-only";
import { z } from "zod";

// The one place that reads process.env: everything else imports `env`.
const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1");

const booleanTrue = z
  .enum(["true", "false", "1", "0", ""])
  .default("true")
  .transform((v) => v !== "false" && v !== "0");

/** What only the console needs; a worker process (RHEI_PROCESS=worker) runs without them. */
const consoleOnly = ["NEXTAUTH_SECRET", "KAFKA_ADMIN_USERNAME", "KAFKA_ADMIN_PASSWORD"] as const;
type ConsoleOnly = (typeof consoleOnly)[number];

const envSchema = z.object({
  /** console: the web console (the default); worker: a stream-app worker (`npm run worker`), see worker.ts. */
  RHEI_PROCESS: z.enum(["console", "worker"]).default("console"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (a random secret)").optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) =>
      s
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  KAFKA_SASL_MECHANISM: z.enum(["scram-sha-512", "scram-sha-256", "plain"]).default("scram-sha-512"),
  KAFKA_ADMIN_USERNAME: z.string().min(1).optional(),
  KAFKA_ADMIN_PASSWORD: z.string().min(1).optional(),
  KAFKA_SSL: booleanString,
  /** Bootstrap servers handed to client applications, when they reach Kafka by another address than the console. */
  KAFKA_CLIENT_BROKERS: z.string().optional(),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** This console process takes part in evaluating alarm rules and health (false: leave it to other processes). */
  RHEI_ALARM_EVALUATOR: booleanTrue,
  /** Live frames queued per socket at most before the oldest are dropped for that socket alone. */
  RHEI_LIVE_MAX_QUEUED_FRAMES: z.coerce.number().int().min(10).max(100_000).default(1000),
  /**
   * History's lateness margin (docs/history.md): a range read starts this much earlier and ends this much later by
   * broker time, and a record appended after one of its partition stamped this much past its phenomenon time is late.
   */
  RHEI_HISTORY_LATENESS_MS: z.coerce.number().int().min(0).max(604_800_000).default(60_000),
  /** This console process runs the rollup job (a consumer group: with several processes, each takes some partitions). */
  RHEI_ROLLUP_JOB: booleanTrue,
  /** The rollup job's Kafka password (SCRAM user rhei-rollups); derived from NEXTAUTH_SECRET when unset. */
  RHEI_ROLLUP_KAFKA_PASSWORD: z.string().min(16).optional(),
  /** The cluster's connections.max.reauth.ms, if known: how long an open connection outlives a rotated secret. */
  RHEI_KAFKA_MAX_REAUTH_MS: z.coerce.number().int().min(1).optional(),
  /**
   * The stream apps' Kafka passwords are derived from it (HMAC per app and credential version), by the console's
   * reconciler, which sets them on the cluster, and by every worker, which logs in with them: nothing stored.
   */
  /** A worker runs only these companies' stream apps (comma-separated ids; all when unset). */
  RHEI_WORKER_COMPANIES: z
    .string()
    .optional()
    .transform((s) =>
      s
        ?.split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  /** Bytes a stream app's fetch takes per input partition (smaller: more, shorter transactions). */
  RHEI_WORKER_FETCH_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .optional(),
  RHEI_STREAM_APP_SECRET: z
    .string()
    .min(32, "RHEI_STREAM_APP_SECRET must be at least 32 characters (a random secret)")
    .optional(),
});

export type Env = Omit<z.infer<typeof envSchema>, ConsoleOnly> & Record<ConsoleOnly, string>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  const data = parsed.data;
  if (data?.RHEI_PROCESS === "console") {
    for (const key of consoleOnly) if (!data[key]) issues.push(`  ${key}: required by the console`);
  }
  if (data?.RHEI_PROCESS === "worker" && !data.RHEI_STREAM_APP_SECRET) {
    issues.push("  RHEI_STREAM_APP_SECRET: required by a worker (the stream apps' Kafka passwords derive from it)");
  }
  if (!data || issues.length > 0) {
    throw new Error(`Invalid environment (see README, "Configuration"):\n${issues.join("\n")}`);
  }
  // A worker has no console secrets: reading one there is a bug, said at once rather than with an undefined.
  const env = { ...data } as Env;
  for (const key of consoleOnly) {
    if (data[key] !== undefined) continue;
    Object.defineProperty(env, key, {
      enumerable: false,
      get() {
        throw new Error(`${key} is not configured in a ${data.RHEI_PROCESS} process`);
      },
    });
  }
  return env;
}

export const env: Env = parseEnv();

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

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (a random secret)"),
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
  KAFKA_ADMIN_USERNAME: z.string().min(1),
  KAFKA_ADMIN_PASSWORD: z.string().min(1),
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
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see README, "Configuration"):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

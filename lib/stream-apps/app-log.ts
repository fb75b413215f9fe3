import "server-only";
import type { Tx } from "../db/client";

export type AppLogLevel = "info" | "warn" | "error";

/** Lines an app's log keeps; older ones are removed as new ones come (the runner trims them). */
export const APP_LOG_KEEP = 2000;

/** Adds lines to apps' logs inside the caller's transaction (a change and what the app's page says of it agree). */
export async function appendAppLog(
  tx: Tx,
  lines: { appId: string; level: AppLogLevel; message: string; workerId?: string }[],
): Promise<void> {
  if (lines.length === 0) return;
  await tx.streamAppLogEntry.createMany({
    data: lines.map((l) => ({
      appId: l.appId,
      level: l.level,
      message: l.message.slice(0, 2000),
      workerId: l.workerId,
    })),
  });
}

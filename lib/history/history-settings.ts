import "server-only";
import { hkdfSync } from "node:crypto";
import { ConsoleDatastreamCatalog } from "../datastreams/console-datastream-catalog";
import { env } from "../env";
import { RejectionOutbox } from "../rejected-records/rejection-outbox";
import type { RejectedRecord } from "../sdk/rejected-record";
import { topicOwner } from "../topology/system-topics";

// What every history read shares in one console process: the lateness margin, the cursor signing key, the datastream
// catalog its record pipelines type records with, and where the rejected records it meets are reported.

/** The lateness margin in ms (RHEI_HISTORY_LATENESS_MS; docs/history.md, "Range semantics"). */
export const latenessMarginMs = (): number => env.RHEI_HISTORY_LATENESS_MS;

/** Signs trace cursors: derived from the session secret, so every console process of a deployment agrees. */
export const cursorSigningKey: Buffer = Buffer.from(
  hkdfSync("sha256", env.NEXTAUTH_SECRET, "rhei", "history-trace-cursor/v1", 32),
);

const shared = globalThis as unknown as {
  rheiHistoryCatalog?: ConsoleDatastreamCatalog;
  rheiHistoryRejections?: RejectionOutbox;
};

/** The catalog history's pipelines type records with (one per process, kept in step by the event bus). */
export function historyCatalog(): ConsoleDatastreamCatalog {
  shared.rheiHistoryCatalog ??= new ConsoleDatastreamCatalog();
  return shared.rheiHistoryCatalog;
}

/** Rejected records history reads meet: stored like the live hub's, each message counted once whoever saw it. */
export function historyRejections(): RejectionOutbox {
  shared.rheiHistoryRejections ??= new RejectionOutbox("rhei:history");
  return shared.rheiHistoryRejections;
}

/** Reports a message a history read could not use, under its system. */
export function reportRejection(rejection: RejectedRecord): void {
  const owner = topicOwner(rejection.topic);
  if (owner) historyRejections().add(owner.system, [rejection]);
}

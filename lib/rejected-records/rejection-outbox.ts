import "server-only";
import { db } from "../db/client";
import { createLogger } from "../log";
import type { RejectedRecord } from "../sdk/rejected-record";
import { storeRejections } from "./store-rejections";

const log = createLogger("rejections");

/**
 * What a console component (`reportedBy`, e.g. rhei:live) rejected, gathered per system and stored every few seconds
 * (a flood of bad records costs one write a system, not one a record). Each message is counted once however many
 * readers report it.
 */
export class RejectionOutbox {
  private readonly pending = new Map<string, RejectedRecord[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly reportedBy: string,
    intervalMs = 2000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  add(systemName: string, rejections: RejectedRecord[]): void {
    const list = this.pending.get(systemName) ?? [];
    // Bounded: a system whose topic is all garbage keeps the first 500 of each interval (its count is the sample's).
    for (const r of rejections) if (list.length < 500) list.push(r);
    this.pending.set(systemName, list);
  }

  async flush(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [name, rejections] of batches) {
      try {
        const system = await db.system.findUnique({ where: { name }, select: { id: true } });
        if (!system) continue;
        await storeRejections({
          systemId: system.id,
          reportedBy: this.reportedBy,
          rejections: rejections.map((r) => ({
            reason: r.reason,
            raw: r.raw,
            topic: r.topic,
            partition: r.partition,
            offset: r.offset,
            ...(r.claimedName === undefined ? {} : { claimedName: r.claimedName }),
          })),
        });
      } catch (error) {
        log.warn("could not store rejected records", { system: name, error });
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

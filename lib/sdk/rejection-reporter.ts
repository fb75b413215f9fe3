import type { ConsoleApi } from "./console-api";
import type { RejectedRecord } from "./rejected-record";

/** Where the SDK tells the console about records it rejected, so they show on the datastream's page. */
export interface RejectionReporter {
  report(rejections: readonly RejectedRecord[]): Promise<void>;
}

export const REJECTIONS_PATH = "/api/v1/client/rejections";

/**
 * POST {console}/api/v1/client/rejections with HTTP Basic (principal, secret) and the JSON body
 * `{ "rejections": [{ reason, raw, topic, partition, offset, claimedName? }] }` (at most 500 a request): `raw` is
 * the message text cut to 1000 characters, `offset` a decimal string, `claimedName` the datastream the message named
 * (absent when it named none). The console's schema is strict, so nothing else is sent (not `rejectedAt`: the
 * console stamps its own time). Any 2xx is success.
 */
export class HttpRejectionReporter implements RejectionReporter {
  constructor(private readonly api: ConsoleApi) {}

  async report(rejections: readonly RejectedRecord[]): Promise<void> {
    if (rejections.length === 0) return;
    await this.api.post(REJECTIONS_PATH, {
      rejections: rejections.map(({ reason, raw, topic, partition, offset, claimedName }) =>
        claimedName === undefined
          ? { reason, raw, topic, partition, offset }
          : { reason, raw, topic, partition, offset, claimedName },
      ),
    });
  }
}

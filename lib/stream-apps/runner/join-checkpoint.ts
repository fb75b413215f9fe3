import "server-only";
import type { Broker } from "@platformatic/kafka";
import type { JoinState } from "../../join/join-state";
import type { RawFetcher } from "../../kafka/raw-fetch";
import type { JoinPayload } from "./join-payload";

// A join's checkpoint: its whole state (buffers, watermarks, counters) and the next offset of every input partition,
// written as one record (key CHECKPOINT_KEY) to the app's compacted state topic in the same transaction as the pairs
// it emitted and the group's offsets. A reader at read_committed sees a checkpoint only with its pairs, so the
// newest committed checkpoint is exactly where the join stood after the last committed output.

export const CHECKPOINT_KEY = "join";

export interface JoinCheckpoint {
  version: 1;
  /** The app version that wrote it (a new version with other semantics starts a new join from these positions). */
  appVersion: number;
  /** Next offset to read per input partition, `topic#partition` → decimal. */
  positions: Record<string, string>;
  join: JoinState<JoinPayload>;
}

export function encodeCheckpoint(checkpoint: JoinCheckpoint): Buffer {
  return Buffer.from(JSON.stringify(checkpoint), "utf8");
}

/** The checkpoint in a state record, or a message saying why it is not one. */
export function decodeCheckpoint(value: Buffer): JoinCheckpoint | string {
  try {
    const parsed = JSON.parse(value.toString("utf8")) as Partial<JoinCheckpoint>;
    if (parsed?.version !== 1 || typeof parsed.positions !== "object" || parsed.join === undefined) {
      return "not a version 1 checkpoint";
    }
    return parsed as JoinCheckpoint;
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
}

const OUT_OF_RANGE = 1;
/** The largest checkpoint the state topic takes, with room for a whole fetch of it. */
const FETCH_BYTES = 32 * 1024 * 1024;

/**
 * The newest committed checkpoint in the state topic (one partition), read from its start to its stable end: the
 * topic is compacted, so it holds few superseded ones. Call it only after taking over the join's transactional id
 * (its predecessor's open transaction is aborted then, so the stable end is final).
 */
export async function readLatestCheckpoint(
  fetcher: RawFetcher,
  leader: Broker,
  topic: string,
  topicId: string,
): Promise<{ value: Buffer; offset: bigint } | null> {
  let position = 0n;
  let latest: { value: Buffer; offset: bigint } | null = null;
  let end: bigint | undefined;
  for (;;) {
    const [fetched] = await fetcher.fetch(
      leader,
      [{ topic, topicId, partition: 0, offset: position, maxBytes: FETCH_BYTES }],
      0,
    );
    if (!fetched) throw new Error("the state topic's partition 0 was not in the fetch response");
    if (fetched.errorCode === OUT_OF_RANGE) {
      if (position === fetched.logStartOffset) return latest;
      position = fetched.logStartOffset;
      continue;
    }
    if (fetched.errorCode !== 0) throw new Error(`reading the join's state: Kafka error ${fetched.errorCode}`);
    end ??= fetched.lastStableOffset;
    for (const r of fetched.records) {
      if (r.key?.toString("utf8") !== CHECKPOINT_KEY) continue;
      latest = r.value === null ? null : { value: r.value, offset: BigInt(r.offset) };
    }
    if (fetched.next >= end || fetched.next === position) return latest;
    position = fetched.next;
  }
}

import "server-only";
import { db } from "../db/client";
import { createLogger } from "../log";
import { companyName } from "../names";
import { parseInput } from "../validation";
import { finishHistoryAccess, recordHistoryAccess } from "./audit-history-access";
import { csvEncoder, EXPORT_MEDIA_TYPES, type ExportEncoder, jsonEncoder, ndjsonEncoder } from "./export-encoders";
import { type HistoryRequest, resolveHistoryQuery } from "./history-query";
import { readQuery } from "./read-query";
import { exportQuerySchema } from "./schemas";
import type { TraceRecord } from "./trace-datastream";

const log = createLogger("history");

/** Records encoded per chunk of the stream. */
const CHUNK_RECORDS = 1000;

const stamp = (t: number) => new Date(t).toISOString().slice(0, 19).replaceAll(":", "-");

/**
 * Exactly the selected records (datastreams, range, value filters) as CSV, JSON or NDJSON, in trace order, streamed
 * with constant memory: records are read from Kafka as the client takes the file, so a slow download slows the
 * read and a closed one stops it. Checked (rights, input) before the stream starts, so errors are still ordinary
 * answers; written to the audit log when it starts and completed with the count (or how it ended).
 */
export async function exportRecords({ actor, companyId, query, now = Date.now(), signal }: HistoryRequest) {
  const input = parseInput(exportQuerySchema, query ?? {});
  const q = await resolveHistoryQuery({ actor, companyId, input, now });
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId } });
  const range = { from: new Date(q.range.from).toISOString(), to: new Date(q.range.to).toISOString() };
  const encoder: ExportEncoder =
    input.format === "csv"
      ? csvEncoder(q.datastreams, input.delimiter)
      : input.format === "json"
        ? jsonEncoder(range, q.datastreams)
        : ndjsonEncoder();
  const auditId = await recordHistoryAccess(actor, "history.export", q, {
    format: input.format,
    status: "started",
    records: null,
  });
  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort(), { once: true });
  const read = readQuery(q, { signal: controller.signal });
  const records = read.records[Symbol.asyncIterator]();
  const encode = new TextEncoder();
  let count = 0;
  let started = false;
  let finished = false;
  const finish = async (status: "completed" | "cancelled" | "failed") => {
    if (finished) return;
    finished = true;
    await finishHistoryAccess(auditId, {
      status,
      records: count,
      skipped: { late: read.stats.late, filtered: read.stats.filtered, rejected: read.stats.rejected },
    }).catch((error: unknown) => log.warn("could not complete an export's audit event", { error }));
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(out) {
      try {
        if (!started) {
          started = true;
          const head = encoder.head();
          if (head) {
            out.enqueue(encode.encode(head));
            return;
          }
        }
        const chunk: TraceRecord[] = [];
        let done = false;
        while (chunk.length < CHUNK_RECORDS) {
          const next = await records.next();
          if (next.done) {
            done = true;
            break;
          }
          chunk.push(next.value);
        }
        count += chunk.length;
        const text = encoder.add(chunk);
        if (text) out.enqueue(encode.encode(text));
        if (done) {
          if (controller.signal.aborted) {
            await finish("cancelled");
            out.close();
            return;
          }
          const summary = { records: count, ...read.stats };
          const end = encoder.end(summary);
          if (end) out.enqueue(encode.encode(end));
          // The audit event is complete before the file is: whoever has the whole file finds it in the log.
          await finish("completed");
          out.close();
        }
      } catch (error) {
        log.warn("an export failed", { error });
        await finish("failed");
        out.error(error);
      }
    },
    async cancel() {
      controller.abort();
      await records.return?.(undefined);
      await finish("cancelled");
    },
  });
  const names = q.datastreams.length === 1 ? q.datastreams[0]?.name : `${q.datastreams.length}-datastreams`;
  const filename =
    `${companyName(company)}-${names}-${stamp(q.range.from)}-${stamp(q.range.to)}.${input.format}`.replace(
      /[^A-Za-z0-9._-]+/g,
      "_",
    );
  return { stream, filename, contentType: EXPORT_MEDIA_TYPES[input.format], auditId };
}

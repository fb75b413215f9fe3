// The history REST API on the real broker: a page, an export that equals what a raw consumer reads for the same
// range (NDJSON, JSON and CSV), charts and aggregates; every bad input a clear 4xx problem document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as aggregateRoute from "@/app/api/v1/companies/[companyId]/history/aggregate/route";
import * as exportRoute from "@/app/api/v1/companies/[companyId]/history/export/route";
import * as recordsRoute from "@/app/api/v1/companies/[companyId]/history/records/route";
import * as seriesRoute from "@/app/api/v1/companies/[companyId]/history/series/route";
import * as volumeRoute from "@/app/api/v1/companies/[companyId]/history/volume/route";
import { callApi } from "@/test/call-api";
import { seedHistoryWorld } from "@/test/history-world";
import { parseCsv } from "@/test/parse-csv";
import { seedCompany, seedToken } from "@/test/seed";
import { db } from "../db/client";
import { csvColumnTitle } from "../history/export-encoders";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { createKafkajs } from "../kafka/kafkajs-client";

let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
let token: string;
const T0 = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;
const iso = (t: number) => new Date(t).toISOString();
const range = { from: iso(T0 + 10_500), to: iso(T0 + 1_200_000) };

/** What a plain kafkajs consumer reads of the topic: every message, JSON-parsed, nothing of Rhei's in between. */
async function rawConsumerRead(): Promise<
  { key: string; partition: number; offset: string; value: Record<string, unknown> }[]
> {
  const kafka = createKafkajs(consoleKafkaConfig({ clientId: "history-raw-consumer" }));
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(world.datastreams[0]?.topic as string);
  await admin.disconnect();
  const total = ends.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  const consumer = kafka.consumer({ groupId: `history-raw-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: world.datastreams[0]?.topic as string, fromBeginning: true });
  const out: { key: string; partition: number; offset: string; value: Record<string, unknown> }[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        out.push({
          key: message.key?.toString() ?? "",
          partition,
          offset: message.offset,
          value: JSON.parse(message.value?.toString() ?? "null"),
        });
        if (out.length === total) resolve();
      },
    });
  });
  await consumer.disconnect();
  return out;
}

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Category", "Truth"] });
  token = await seedToken(world.admin);
  await world.produce(
    Array.from({ length: 1500 }, (_, i) => ({
      ds: i % 3,
      v: i % 3 === 0 ? i / 4 : i % 3 === 1 ? ["=dry", "wet, slushy", 'icy "!"'][(i % 4) % 3] : i % 2 === 0,
      t: T0 + i * 1000,
    })),
  );
}, 60_000);

afterAll(async () => {
  await world?.cleanup();
});

const params = () => ({ companyId: world.company.id });
const ids = () => world.datastreams.map((d) => d.id).join(",");

describe("history API", () => {
  it("answers a page of records and refuses bad input with 4xx problem documents naming the field", async () => {
    const ok = await callApi(recordsRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, pageSize: "5" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.items).toHaveLength(5);
    expect(ok.json.items[0]).toMatchObject({
      time: iso(T0 + 11_000).replace("Z", "000Z"),
      partition: expect.any(Number),
    });
    const bad = async (query: Record<string, string>, status: number, field?: string) => {
      const r = await callApi(recordsRoute.GET, "GET", {
        token,
        params: params(),
        query: { datastreams: ids(), ...range, ...query },
      });
      expect(r.status, JSON.stringify(query)).toBe(status);
      expect(r.contentType).toBe("application/problem+json");
      if (field) expect(Object.keys(r.json.errors ?? {}), JSON.stringify(r.json)).toContain(field);
      return r.json;
    };
    await bad({ from: range.to, to: range.from }, 422, "to");
    await bad({ from: "next tuesday" }, 422, "from");
    await bad({ from: "1990-01-01T00:00:00Z", to: "2090-01-01T00:00:00Z" }, 422, "to");
    await bad({ pageSize: "1000000000" }, 422, "pageSize");
    await bad({ pageSize: "ten" }, 422, "pageSize");
    await bad({ cursor: `${ok.json.next.slice(0, -3)}xyz` }, 422);
    await bad({ datastreams: "01900000-0000-7000-8000-0000000000aa" }, 404);
    await bad({ nonsense: "1" }, 422);
    const stranger = await seedCompany();
    const foreign = await callApi(recordsRoute.GET, "GET", {
      token: await seedToken(stranger.admin),
      params: params(),
      query: { datastreams: ids(), ...range },
    });
    expect(foreign.status).toBe(404);
    // Another company's datastreams asked for under one's own company: not found either.
    const theirs = await callApi(recordsRoute.GET, "GET", {
      token: await seedToken(stranger.admin),
      params: { companyId: stranger.company.id },
      query: { datastreams: ids(), ...range },
    });
    expect(theirs.status).toBe(404);
  });

  it("exports exactly what a raw consumer reads for the same range, as NDJSON, JSON and CSV", async () => {
    const [from, to] = [Date.parse(range.from), Date.parse(range.to)];
    const names = new Map(world.datastreams.map((d) => [d.fullName, d]));
    const raw = (await rawConsumerRead())
      .filter((m) => names.has(m.key))
      .map((m) => ({ ...m, t: Date.parse(m.value.phenomenonTime as string) }))
      .filter((m) => m.t >= from && m.t < to);
    expect(raw.length).toBe(1189);
    const expected = raw
      .map((m) => `${m.key}|${m.value.phenomenonTime}|${JSON.stringify(m.value.result)}|${m.partition}|${m.offset}`)
      .sort();

    const nd = await callApi(exportRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, format: "ndjson" },
    });
    expect(nd.status).toBe(200);
    expect(nd.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.ndjson"/);
    const lines = nd.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(
      lines.map((r) => `${r.datastream}|${r.time}|${JSON.stringify(r.result)}|${r.partition}|${r.offset}`).sort(),
    ).toEqual(expected);
    const times = lines.map((r) => r.time as string);
    expect(times).toEqual([...times].sort()); // phenomenon-time order across partitions

    const json = await callApi(exportRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, format: "json" },
    });
    expect(json.json).toMatchObject({ count: 1189, skipped: { late: 0, filtered: 0, rejected: 0 } });
    expect(json.json.records).toHaveLength(1189);

    const csv = await callApi(exportRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, format: "csv", delimiter: "comma" },
    });
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(["time", ...world.datastreams.map(csvColumnTitle)]);
    expect(rows[0]?.[1]).toMatch(/\[degC\] \(Measurement\)$/);
    const cells = rows
      .slice(1)
      .flatMap((row) =>
        world.datastreams.flatMap((d, i) => (row[i + 1] === "" ? [] : [`${d.fullName}|${row[0]}|${row[i + 1]}`])),
      );
    const shown = (v: unknown) => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : String(v));
    expect(cells.sort()).toEqual(raw.map((m) => `${m.key}|${m.value.phenomenonTime}|${shown(m.value.result)}`).sort());

    const audit = await db.auditEvent.findMany({
      where: { companyId: world.company.id, action: "history.export" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((e) => e.after)).toEqual(
      ["ndjson", "json", "csv"].map((format) =>
        expect.objectContaining({ format, status: "completed", records: 1189, from: range.from, to: range.to }),
      ),
    );
  });

  it("answers charts, the volume timeline and aggregates, also as a CSV file", async () => {
    const series = await callApi(seriesRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, width: "100" },
    });
    expect(series.status).toBe(200);
    expect(series.json.series.map((s: { kind: string }) => s.kind)).toEqual(["line", "state", "state"]);
    expect(series.json.series[0].points.length).toBeLessThanOrEqual(400);
    const volume = await callApi(volumeRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, buckets: "10" },
    });
    expect(volume.json.total).toBe(1189);
    const aggregate = await callApi(aggregateRoute.GET, "GET", {
      token,
      params: params(),
      query: {
        datastreams: world.datastreams[0]?.id as string,
        ...range,
        interval: "5m",
        functions: "count,min,max",
        format: "csv",
        delimiter: "semicolon",
      },
    });
    expect(aggregate.status).toBe(200);
    expect(aggregate.text.split("\r\n")[0]).toBe(
      "bucket_start;bucket_end;partial;datastream;observation_type;unit;count;min;max",
    );
    const refused = await callApi(aggregateRoute.GET, "GET", {
      token,
      params: params(),
      query: { datastreams: ids(), ...range, interval: "1h", filter: "x:1:2" },
    });
    expect(refused.status).toBe(422); // charts and aggregates take no value filter
  });
});

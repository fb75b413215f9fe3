import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeConsole, startFakeConsole } from "@/test/fake-console";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { consoleKafkaConfig } from "../kafka/console-connection";
import { type RangeMessage, readRange } from "../kafka/read-range";
import type { DatastreamInfoInput } from "./datastream-info";
import { RheiClient } from "./rhei-client";

// Every Kafka path of the SDK against the real broker, as a client principal holding only a client's ACLs.
let p: TestClientPrincipal;
let fake: FakeConsole;
const clients: RheiClient[] = [];

const unit = { name: "DegreeCelsius", symbol: "degC", definition: "http://qudt.org/DegreeCelsius" };
function catalogFor(system: string): DatastreamInfoInput[] {
  const ds = (thing: string, name: string, observationType: string, extra: Partial<DatastreamInfoInput> = {}) => ({
    name,
    fullName: `${system}.${thing}.${name}`,
    observationType,
    unit,
    ...extra,
  });
  return [
    ds("Main", "Air Temperature", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"),
    ds("Main", "Passengers", "Count"),
    ds("Main", "Moving", "Truth"),
    ds("Main", "Road", "Category"),
    ds("Main", "Position", "Observation", {
      resultSchema: {
        type: "object",
        properties: { lat: { type: "number" }, lon: { type: "number" } },
        required: ["lat", "lon"],
      },
    }),
    ds("Trailer", "Air Temperature", "Measurement"),
    { name: "Speed", fullName: "zz.other.wc.st.Thing.Speed", observationType: "Measurement", unit }, // not its own
  ];
}

function clientFor(principal: TestClientPrincipal, extra: Partial<ConstructorParameters<typeof RheiClient>[0]> = {}) {
  const client = new RheiClient({
    bootstrapServers: principal.bootstrapServers,
    system: principal.system,
    client: principal.client,
    secret: principal.secret,
    datastreams: catalogFor(principal.system),
    retries: 2,
    ...extra,
  });
  clients.push(client);
  return client;
}

async function rawOf(topic: string): Promise<RangeMessage[]> {
  const out: RangeMessage[] = [];
  for await (const batch of readRange(consoleKafkaConfig(), { topics: [topic], fromMs: 0 })) out.push(...batch);
  return out;
}

beforeAll(async () => {
  p = await seedClientPrincipal({ partitions: 2 });
  fake = await startFakeConsole(p.principal, p.secret);
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await fake?.close();
  await p?.cleanup();
});

describe("register", () => {
  it("POSTs instances.json as it is, with Basic auth, and learns the datastreams from the answer", async () => {
    const instances = JSON.parse(
      readFileSync(new URL("../../test/fixtures/panta-rhei/car1-instances.json", import.meta.url), "utf8"),
    );
    const bodies: unknown[] = [];
    fake.handle("POST", "/api/v1/client/register", (body) => {
      bodies.push(body);
      return {
        body: {
          created: 9,
          updated: 0,
          unchanged: 0,
          datastreams: Object.values(
            instances.Datastreams as Record<
              string,
              { name: string; observationType: string; unitOfMeasurement: object }
            >,
          ).map((d) => ({
            name: d.name,
            fullName: `${p.system}.Main.${d.name}`,
            observationType: d.observationType,
            unit: d.unitOfMeasurement,
          })),
          datastreamKeys: { temperature: `${p.system}.Main.Air Temperature` },
        },
      };
    });
    const client = new RheiClient({
      console: fake.url,
      bootstrapServers: p.bootstrapServers,
      system: p.system,
      client: p.client,
      secret: p.secret,
    });
    clients.push(client);
    const result = await client.register(instances);
    expect(bodies).toEqual([instances]);
    expect(fake.requests.at(-1)?.user).toBe(p.principal);
    expect(result).toMatchObject({ created: 9, updated: 0, unchanged: 0 });
    expect(result.datastreams.map((d) => d.observationType)).toEqual(Array(5).fill("Measurement"));
    await client.produce("Acceleration", "0.5"); // known from the answer, no catalog request needed
    await client.produce("temperature", 21); // the instances.json key, as the reference client produced
    await client.flush();
    const keys = (await rawOf(p.topics.int)).map((m) => m.key?.toString());
    expect(keys.sort()).toEqual([`${p.system}.Main.Acceleration`, `${p.system}.Main.Air Temperature`]);
    expect(fake.requests.filter((r) => r.path === "/api/v1/client/datastreams")).toEqual([]);
  });

  it("says what is wrong when the console refuses or is missing", async () => {
    const wrong = new RheiClient({
      console: fake.url,
      bootstrapServers: p.bootstrapServers,
      system: p.system,
      client: p.client,
      secret: "nope",
    });
    await expect(wrong.register({ Things: {} })).rejects.toMatchObject({ code: "authentication" });
    const noConsole = clientFor(p);
    await expect(noConsole.register({ Things: {} })).rejects.toMatchObject({
      code: "invalid-option",
      message: /console/,
    });
    await expect(wrong.register([] as never)).rejects.toMatchObject({ code: "invalid-value" });
  });
});

describe("produce", () => {
  it("writes canonical records keyed by full name, coerced, with every time form read correctly", async () => {
    const client = clientFor(p);
    // Every time form of one instant, ten minutes back (a topic made by hand keeps an hour: test/recent-time.ts).
    const seconds = Math.floor(Date.now() / 1000) - 600;
    const t = new Date(seconds * 1000).toISOString().replace(".000Z", ".123456Z");
    await client.produce("Main.Air Temperature", "3.5", {
      phenomenonTime: t,
      attributes: { zero: 0, no: false, empty: "" },
    });
    await client.produce(`${p.system}.Main.Passengers`, 4, { phenomenonTime: seconds + 0.123456 });
    await client.produce("Moving", "true", { phenomenonTime: seconds * 1000 + 123 });
    await client.produce("Road", 7, { phenomenonTime: BigInt(seconds) * 1_000_000n + 123_456n });
    await client.produce("Position", { lat: 47.8, lon: 13.0 }, { phenomenonTime: `${seconds}123456789` });
    await client.flush();
    expect(client.stats).toMatchObject({ produced: 5, buffered: 0 });

    const raw = (await rawOf(p.topics.int)).map((m) => ({
      key: m.key?.toString(),
      value: JSON.parse(m.value?.toString() ?? ""),
    }));
    const byKey = new Map(raw.map((r) => [r.key, r.value]));
    const temp = byKey.get(`${p.system}.Main.Air Temperature`);
    expect(temp).toMatchObject({
      phenomenonTime: t,
      datastream: { name: `${p.system}.Main.Air Temperature` },
      result: 3.5,
      attributes: { zero: 0, no: false, empty: "" },
    });
    expect(Date.now() - Date.parse(temp.resultTime)).toBeLessThan(60_000);
    expect(byKey.get(`${p.system}.Main.Passengers`)).toMatchObject({ phenomenonTime: t, result: 4 });
    expect(byKey.get(`${p.system}.Main.Moving`)).toMatchObject({
      phenomenonTime: t.replace(".123456Z", ".123000Z"),
      result: true,
    });
    expect(byKey.get(`${p.system}.Main.Road`)).toMatchObject({ phenomenonTime: t, result: "7" });
    expect(byKey.get(`${p.system}.Main.Position`)).toMatchObject({
      phenomenonTime: t,
      result: { lat: 47.8, lon: 13.0 },
    });
  });

  it("refuses bad values, unknown and ambiguous datastreams, bad times, with the datastream and value named", async () => {
    const client = clientFor(p);
    await expect(client.produce("Passengers", 3.5)).rejects.toMatchObject({
      code: "invalid-value",
      message: `Datastream "${p.system}.Main.Passengers" (Count) cannot take 3.5: not an integer`,
    });
    await expect(client.produce("Main.Air Temperature", "abc")).rejects.toThrow(/cannot take "abc": not a number/);
    await expect(client.produce("Main.Air Temperature", Number.NaN)).rejects.toThrow(/cannot take NaN/);
    await expect(client.produce("Position", { lat: "x", lon: 1 })).rejects.toThrow(/result.lat must be number/);
    await expect(client.produce("Moving", { a: 1 })).rejects.toThrow(/cannot take \{"a":1\}/);
    await expect(client.produce("Wheels", 1)).rejects.toMatchObject({ code: "unknown-datastream" });
    for (let i = 0; i < 2; i++) {
      await expect(client.produce("zz.other.wc.st.Thing.Speed", 1)).rejects.toThrow(/a client produces only its own/);
    }
    await expect(client.produce("Air Temperature", 1)).rejects.toThrow(/ambiguous/);
    await expect(client.produce("Road", "dry", { phenomenonTime: -5 })).rejects.toMatchObject({ code: "invalid-time" });
    await expect(client.produce("Road", "dry", { attributes: { at: new Date() } })).rejects.toThrow(
      /not a plain object/,
    );
    expect(client.stats.buffered).toBe(0);
  });

  it("batches many records and never drops one (small buffer: produce waits)", async () => {
    const client = clientFor(p, { producer: { maxBufferedRecords: 50, maxBatchRecords: 20, lingerMs: 2 } });
    const before = (await rawOf(p.topics.int)).length;
    for (let i = 0; i < 1000; i++) {
      await client.produce("Passengers", i, { phenomenonTime: 1700000000 + i });
      expect(client.stats.buffered).toBeLessThanOrEqual(50);
    }
    await client.flush();
    expect(client.stats.produced).toBe(1000);
    expect((await rawOf(p.topics.int)).length - before).toBe(1000);
  });

  it("logs to the system's .log topic", async () => {
    const client = clientFor(p);
    await client.log("warn", "road could be slippery");
    await client.flush();
    const [line] = (await rawOf(p.topics.log)).map((m) => JSON.parse(m.value?.toString() ?? ""));
    expect(line).toMatchObject({ level: "warn", client: p.principal, message: "road could be slippery" });
    await expect(client.log("loud" as never, "x")).rejects.toMatchObject({ code: "invalid-value" });
  });

  it("says authentication for a wrong secret and unavailable for a dead broker", async () => {
    const wrong = clientFor(p, { secret: "not-the-secret", retries: 0 });
    await expect(wrong.produce("Road", "dry")).rejects.toMatchObject({ code: "authentication" });
    const away = clientFor(p, { bootstrapServers: "127.0.0.1:1", retries: 0, connectionTimeoutMs: 500 });
    await expect(away.produce("Road", "dry")).rejects.toMatchObject({ code: "unavailable" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeConsole, startFakeConsole } from "../../test/fake-console";
import { ConsoleApi } from "./console-api";
import { HttpDatastreamCatalog } from "./http-datastream-catalog";
import type { RejectedRecord } from "./rejected-record";
import { RejectionBatcher } from "./rejection-batcher";
import { HttpRejectionReporter } from "./rejection-reporter";

// The console's client endpoints do not exist yet; a local HTTP server plays them, so what is tested here is the
// request the SDK sends and how it reads each kind of answer.
const principal = "cz.icecars.fleet.Car1.car_1";
const secret = "rcs_secret";
let fake: FakeConsole;
let api: ConsoleApi;

beforeAll(async () => {
  fake = await startFakeConsole(principal, secret);
  api = new ConsoleApi({ url: `${fake.url}/`, principal, secret });
});
afterAll(() => fake.close());

const temperature = {
  name: "Air Temperature",
  fullName: "cz.icecars.fleet.Car1.Main.Air Temperature",
  observationType: "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
  unit: { name: "DegreeCelsius", symbol: "degC", definition: "http://qudt.org/DegreeCelsius" },
};

describe("ConsoleApi", () => {
  it("sends HTTP Basic as the principal and reads JSON", async () => {
    fake.handle("GET", "/api/v1/hello", () => ({ body: { hi: 1 } }));
    expect(await api.get("/api/v1/hello")).toEqual({ hi: 1 });
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: "/api/v1/hello", user: principal });
  });

  it("tells a wrong secret, a missing endpoint, a server error and an unreachable console apart", async () => {
    const wrong = new ConsoleApi({ url: fake.url, principal, secret: "nope" });
    await expect(wrong.get("/api/v1/hello")).rejects.toMatchObject({
      code: "authentication",
      message: expect.stringContaining("unknown client or wrong secret"),
    });
    await expect(api.get("/api/v1/nothing")).rejects.toMatchObject({ code: "console", message: /answered 404/ });
    fake.handle("POST", "/api/v1/boom", () => ({ status: 500, body: { detail: "database down" } }));
    await expect(api.post("/api/v1/boom", {})).rejects.toMatchObject({
      code: "console",
      message: /500: database down/,
    });
    const away = new ConsoleApi({ url: "http://127.0.0.1:1", principal, secret });
    await expect(away.get("/x")).rejects.toMatchObject({ code: "unavailable", message: /ECONNREFUSED/ });
    expect(() => new ConsoleApi({ url: "not a url", principal, secret })).toThrow(/not a URL/);
  });
});

describe("HttpDatastreamCatalog", () => {
  it("loads GET /api/v1/client/datastreams, reads O&M URIs, and reloads for an unknown name at most once per interval", async () => {
    let served = [temperature];
    fake.handle("GET", "/api/v1/client/datastreams", () => ({ body: { datastreams: served } }));
    const catalog = new HttpDatastreamCatalog(api, 200);
    expect(await catalog.get(temperature.fullName)).toMatchObject({
      observationType: "Measurement",
      unit: { symbol: "degC" },
    });
    const before = fake.requests.length;
    served = [...served, { ...temperature, name: "Speed", fullName: "cz.icecars.fleet.Car1.Main.Speed" }];
    expect(await catalog.get("cz.icecars.fleet.Car1.Main.Speed")).toBeUndefined(); // within the interval
    await new Promise((r) => setTimeout(r, 250));
    expect(await catalog.get("cz.icecars.fleet.Car1.Main.Speed")).toMatchObject({ name: "Speed" });
    expect(fake.requests.length - before).toBe(1);
  });

  it("names a malformed answer", async () => {
    fake.handle("GET", "/api/v1/client/datastreams", () => ({
      body: { datastreams: [{ ...temperature, observationType: "Blob" }] },
    }));
    await expect(new HttpDatastreamCatalog(api).list()).rejects.toThrow(/"Blob" is not an observation type/);
  });
});

describe("rejection reporting", () => {
  const rejection = (offset: number): RejectedRecord => ({
    reason: "not JSON",
    raw: "{x",
    topic: "cz.icecars.fleet.Car1.int",
    partition: 0,
    offset: String(offset),
    rejectedAt: "2026-11-25T10:00:00.000Z",
  });

  it("POSTs { rejections: [...] } in batches", async () => {
    const bodies: unknown[] = [];
    fake.handle("POST", "/api/v1/client/rejections", (body) => {
      bodies.push(body);
      return { status: 204 };
    });
    const batcher = new RejectionBatcher(new HttpRejectionReporter(api), { maxBatch: 2, intervalMs: 50 });
    for (let i = 0; i < 5; i++) batcher.add(rejection(i));
    await batcher.flush();
    // The console's schema is strict: rejectedAt stays on this side.
    const wire = (i: number) => {
      const { rejectedAt: _, ...rest } = rejection(i);
      return rest;
    };
    expect(bodies).toEqual([
      { rejections: [wire(0), wire(1)] },
      { rejections: [wire(2), wire(3)] },
      { rejections: [wire(4)] },
    ]);
    expect(batcher.stats).toEqual({ reported: 5, unreported: 0, failedReports: 0 });
  });

  it("keeps rejections while the console fails, and counts those beyond its bound", async () => {
    let fail = true;
    fake.handle("POST", "/api/v1/client/rejections", () => ({ status: fail ? 503 : 204 }));
    const batcher = new RejectionBatcher(new HttpRejectionReporter(api), {
      maxBatch: 10,
      intervalMs: 20,
      maxPending: 3,
    });
    for (let i = 0; i < 5; i++) batcher.add(rejection(i));
    await expect(batcher.flush()).rejects.toMatchObject({ code: "console" });
    expect(batcher.pendingCount).toBe(3);
    expect(batcher.stats.unreported).toBe(2);
    fail = false;
    await batcher.flush();
    expect(batcher.stats.reported).toBe(3);
    batcher.close();
  });
});

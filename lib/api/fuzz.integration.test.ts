// Every endpoint of the OpenAPI document, fed what a careless or hostile client sends: NUL characters in every
// text field and query parameter, documents nested 2,000 levels deep, bodies that are not JSON, a chunked 100 MB
// body, malformed ids. Whatever the endpoint, the answer is a 4xx (or a success): never a 5xx.

import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedMetadataWorld } from "@/test/metadata-operations";
import { seedClient, seedToken } from "@/test/seed";
import type { Endpoint } from "./define-endpoint";
import { allEndpoints } from "./endpoints";

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, Route>>("/app/api/v1/**/route.ts");

function routeFile(path: string): string {
  return `/app/api/v1${path.replaceAll(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

let ids: Record<string, string>;
let token: string;
let basic: string;

beforeAll(async () => {
  const seeded = await seedClient();
  const world = await seedMetadataWorld(seeded.admin.actor, seeded.system);
  token = await seedToken(seeded.admin);
  basic = Buffer.from(`${seeded.client.principal}:${seeded.secret}`).toString("base64");
  ids = {
    companyId: seeded.company.id,
    systemId: seeded.system.id,
    clientId: seeded.client.id,
    userId: seeded.admin.id,
    thingId: world.thing.id,
    sensorId: world.sensor.id,
    observedPropertyId: world.observedProperty.id,
    datastreamId: world.datastream.id,
    version: "1",
    tokenId: "01900000-0000-7000-8000-000000000000",
  };
});

const deep = (levels: number) => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

/** The keys of a zod object schema (the endpoint's body or query), to aim bad values at each. */
function keysOf(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s instanceof z.ZodType && !(s instanceof z.ZodObject); i++) {
    const def = (s as { _zod: { def: { innerType?: unknown; in?: unknown; schema?: unknown } } })._zod.def;
    s = def.innerType ?? def.in ?? def.schema;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

interface Case {
  what: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: BodyInit | null;
  contentType?: string;
}

function casesFor(endpoint: Endpoint): Case[] {
  const cases: Case[] = [];
  const queryKeys = keysOf(endpoint.query);
  for (const key of [...queryKeys, "q", "unknownParameter"]) {
    cases.push({ what: `NUL in query ${key}`, query: { [key]: "a\u0000b" } });
  }
  if (queryKeys.includes("pageSize")) cases.push({ what: "a page of 10^9", query: { pageSize: "1000000000" } });
  for (const name of Object.keys(endpoint.params instanceof z.ZodObject ? endpoint.params.shape : {})) {
    cases.push({ what: `NUL in path ${name}`, params: { [name]: "01900000-0000-7000-8000-00000000000\u0000" } });
    cases.push({ what: `garbage path ${name}`, params: { [name]: "../../etc/passwd" } });
  }
  if (endpoint.method !== "GET" && endpoint.method !== "DELETE") {
    const bodyKeys = keysOf(endpoint.body);
    for (const key of bodyKeys) {
      cases.push({ what: `NUL in body ${key}`, body: JSON.stringify({ [key]: "x\u0000y" }) });
      cases.push({ what: `2,000 levels in body ${key}`, body: JSON.stringify({ [key]: deep(2000) }) });
    }
    cases.push({ what: "NUL in an unknown body key", body: JSON.stringify({ "a\u0000": 1 }) });
    cases.push({ what: "200,000 levels of arrays", body: `${"[".repeat(200_000)}${"]".repeat(200_000)}` });
    cases.push({ what: "not JSON", body: "{not json" });
    cases.push({ what: "a JSON array", body: "[1,2,3]" });
    cases.push({ what: "wrong content type", body: "name=x", contentType: "application/x-www-form-urlencoded" });
    cases.push({
      what: "NUL in a text body",
      body: 'rhei: 1\nthings:\n  - name: "a\u0000b"\n',
      contentType: "application/yaml",
    });
  }
  return cases;
}

async function send(endpoint: Endpoint, route: Route, c: Case): Promise<number> {
  const params = { ...ids, ...c.params };
  const path = endpoint.path.replaceAll(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({
    authorization:
      endpoint.auth.includes("client") && !endpoint.auth.includes("token") ? `Basic ${basic}` : `Bearer ${token}`,
  });
  if (c.body !== undefined) headers.set("content-type", c.contentType ?? "application/json");
  const request = new Request(url, { method: endpoint.method, headers, body: c.body ?? null });
  const response = await route(request, { params: Promise.resolve(params) });
  await response.text();
  return response.status;
}

// Reads before writes, deletions last: a deletion that succeeds must not hide the other endpoints' answers.
const order = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 } as const;
const endpoints = [...allEndpoints].sort((a, b) => order[a.method] - order[b.method]);

describe("every endpoint refuses bad input with a 4xx, never a 5xx", () => {
  it("has a route module for every documented endpoint", () => {
    const missing = endpoints.map((e) => routeFile(e.path)).filter((f) => !(f in modules));
    expect(missing).toEqual([]);
    expect(endpoints.length).toBeGreaterThan(40);
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.path}`, async () => {
      const load = modules[routeFile(endpoint.path)];
      const route = load ? (await load())[endpoint.method] : undefined;
      expect(route, "route handler").toBeTypeOf("function");
      const failures: string[] = [];
      for (const c of casesFor(endpoint)) {
        const status = await send(endpoint, route as Route, c);
        if (status >= 500) failures.push(`${c.what}: ${status}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("stops reading a chunked 100 MB body at the limit and refuses it", async () => {
    const endpoint = allEndpoints.find((e) => e.operationId === "createThing") as Endpoint;
    const load = modules[routeFile(endpoint.path)] as () => Promise<Record<string, Route>>;
    const route = (await load()).POST as Route;
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://localhost/api/v1/systems/${ids.systemId}/things`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const response = await route(request, { params: Promise.resolve({ systemId: ids.systemId as string }) });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/larger than 1048576 bytes/);
    expect(pulled).toBeLessThan(3 * 1024 * 1024);
  });
});

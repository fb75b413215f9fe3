// `npx rhei export` as a user runs it: a child process against the console's real history route handlers (served
// over HTTP here) and the real broker; the file holds exactly the selected records.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/companies/[companyId]/history/export/route";
import * as recordsRoute from "@/app/api/v1/companies/[companyId]/history/records/route";
import { seedHistoryWorld } from "@/test/history-world";
import { seedToken } from "@/test/seed";

const root = path.resolve(import.meta.dirname, "../../..");
const bin = path.join(root, "bin/rhei.mjs");
let world: Awaited<ReturnType<typeof seedHistoryWorld>>;
let token: string;
let server: Server;
let url: string;
const T0 = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

beforeAll(async () => {
  world = await seedHistoryWorld({ kinds: ["Measurement", "Count"] });
  token = await seedToken(world.admin);
  await world.produce(Array.from({ length: 700 }, (_, i) => ({ ds: i % 2, v: i, t: T0 + i * 100 })));
  // The console's own route handlers behind a plain HTTP server, as next serves them.
  server = createServer((req, res) => {
    const target = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/api\/v1\/companies\/([^/]+)\/history\/(records|export)$/.exec(target.pathname);
    const route = (m?.[2] === "export" ? exportRoute.GET : recordsRoute.GET) as Route;
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const request = new Request(target, { headers: req.headers as Record<string, string> });
    void route(request, { params: Promise.resolve({ companyId: m[1] as string }) }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await world?.cleanup();
});

function rhei(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: tmpdir(),
      // Only what the test gives: the CLI must need nothing else from the environment.
      env: env as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("rhei export", () => {
  it("writes exactly the selected records to a file, with progress on stderr", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "rhei-export-")), "records.ndjson");
    const from = new Date(T0 + 5_000).toISOString();
    const to = new Date(T0 + 65_000).toISOString();
    const run = await rhei(
      [
        "export",
        "--company",
        world.company.id,
        "--datastreams",
        world.datastreams.map((d) => d.id).join(","),
        "--from",
        from,
        "--to",
        to,
        "--format",
        "ndjson",
        "--out",
        out,
      ],
      { RHEI_CONSOLE_URL: url, RHEI_TOKEN: token },
    );
    expect(run.stderr).toMatch(/export: 600 of 600 records/);
    expect(run.code).toBe(0);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { result: number; time: string });
    expect(lines.map((l) => l.result)).toEqual(Array.from({ length: 600 }, (_, i) => i + 50));
  });

  it("writes CSV to stdout, and says what is wrong in one line", async () => {
    const run = await rhei([
      "export",
      "--console",
      url,
      "--token",
      token,
      "--company",
      world.company.id,
      "--pattern",
      `${world.system.name}.*`,
      "--from",
      new Date(T0).toISOString(),
      "--to",
      new Date(T0 + 1000).toISOString(),
      "--delimiter",
      "tab",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\r\n")[0]?.split("\t")).toHaveLength(3);
    expect(run.stdout.trim().split("\r\n")).toHaveLength(11);
    const bad = await rhei(
      [
        "export",
        "--company",
        world.company.id,
        "--datastreams",
        world.datastreams[0]?.id as string,
        "--from",
        "now",
        "--to",
        "now-1h",
      ],
      {
        RHEI_CONSOLE_URL: url,
        RHEI_TOKEN: token,
      },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^rhei: GET .* answered 422: .*"to" .* must be after "from"/);
    const anonymous = await rhei(
      ["export", "--company", world.company.id, "--pattern", "*", "--from", "now-1h", "--to", "now"],
      {
        RHEI_CONSOLE_URL: url,
      },
    );
    expect(anonymous.stderr).toMatch(/missing a personal API token/);
  });
});

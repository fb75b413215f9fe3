import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeConsole, startFakeConsole } from "@/test/fake-console";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";
import { recentMinute } from "@/test/recent-time";

// The CLI as a user runs it: `node bin/rhei.mjs …` in a child process, against the real broker as a restricted
// client principal, and a stand-in for the console's client API.
const root = path.resolve(import.meta.dirname, "../../..");
const bin = path.join(root, "bin/rhei.mjs");
let p: TestClientPrincipal;
let fake: FakeConsole;
let env: Record<string, string>;
const unit = { name: "DegreeCelsius", symbol: "degC", definition: "http://qudt.org/DegreeCelsius" };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: tmpdir(),
    // Only what the test gives: the CLI must need nothing else from the environment.
    env: (options.env ?? env) as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin.end(options.stdin ?? "");
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done, output: () => stdout };
}

const rhei = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) =>
  start(args, options).done;

async function until(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  p = await seedClientPrincipal({ partitions: 1 });
  fake = await startFakeConsole(p.principal, p.secret);
  fake.handle("GET", "/api/v1/client/datastreams", () => ({
    body: {
      datastreams: [
        { name: "Air Temperature", fullName: `${p.system}.Main.Air Temperature`, observationType: "Measurement", unit },
        { name: "Road", fullName: `${p.system}.Main.Road`, observationType: "Category", unit },
      ],
    },
  }));
  env = {
    RHEI_CONSOLE_URL: fake.url,
    RHEI_BOOTSTRAP_SERVERS: p.bootstrapServers,
    RHEI_SYSTEM: p.system,
    RHEI_CLIENT: p.client,
    RHEI_SECRET: p.secret,
  };
});
afterAll(async () => {
  await fake?.close();
  await p?.cleanup();
});

describe("rhei CLI", () => {
  it("produces a value and consumes it as enriched JSON lines", async () => {
    // Epoch seconds, an hour ago: the message is stamped with its phenomenon time, and the topic's retention (14 days)
    // deletes anything stamped older than that.
    const seconds = Math.floor(Date.now() / 1000) - 3600;
    const produced = await rhei([
      "produce",
      "Air Temperature",
      "21.5",
      "--time",
      String(seconds),
      "--attributes",
      '{"door":0}',
    ]);
    expect(produced).toMatchObject({ code: 0, stderr: "" });
    const consumed = await rhei(["consume", "--limit", "1"]);
    expect(consumed.code).toBe(0);
    const [record] = consumed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(record).toMatchObject({
      datastream: { name: "Air Temperature", fullName: `${p.system}.Main.Air Temperature` },
      observationType: "Measurement",
      unit,
      phenomenonTime: new Date(seconds * 1000).toISOString().replace(".000Z", ".000000Z"),
      result: 21.5,
      attributes: { door: 0 },
    });
  });

  it("produces JSON lines from stdin and stops at the first bad line with its number", async () => {
    const lines = [
      { datastream: "Road", result: "icy", phenomenonTime: new Date(recentMinute()).toISOString() },
      { datastream: "Road", result: "dry" },
      { datastream: "Air Temperature", result: "-3" },
      { datastream: "Air Temperature", result: "cold" },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n");
    const run = await rhei(["produce"], { stdin: lines });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `rhei: line 4: Datastream "${p.system}.Main.Air Temperature" (Measurement) cannot take "cold": not a number [invalid-value]`,
    );
    const consumed = await rhei(["consume", "--limit", "3"]);
    expect(
      consumed.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).result),
    ).toEqual(["icy", "dry", -3]);
  });

  it("exits non-zero with one clear line on an unknown datastream, a bad value, a bad time", async () => {
    const unknown = await rhei(["produce", "Wheels", "4"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^rhei: Unknown datastream "Wheels" in .* \[unknown-datastream\]\n$/);
    const bad = await rhei(["produce", "Air Temperature", "warm"]);
    expect(bad).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot take "warm": not a number \[invalid-value\]\n$/),
    });
    const time = await rhei(["produce", "Road", "dry", "--time", "-5"]);
    expect(time).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/"-5" is not a time: negative epoch values are refused \[invalid-time\]\n$/),
    });
  });

  it("exits non-zero on a refused secret and on a broker that is down", async () => {
    const wrong = await rhei(["tail", "--limit", "1"], { env: { ...env, RHEI_CONSOLE_URL: "", RHEI_SECRET: "wrong" } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^rhei: .*\[authentication\]\n$/);
    const wrongConsole = await rhei(["produce", "Road", "dry"], { env: { ...env, RHEI_SECRET: "wrong" } });
    expect(wrongConsole.stderr).toMatch(/refused the credentials.*\[authentication\]\n$/);
    const down = await rhei(["tail", "--limit", "1"], { env: { ...env, RHEI_BOOTSTRAP_SERVERS: "127.0.0.1:1" } });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^rhei: .*\[unavailable\]\n$/);
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
  }, 90_000);

  it("registers an instances.json, reading credentials from --config", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rhei-cli-"));
    const config = path.join(dir, "rhei.json");
    writeFileSync(
      config,
      JSON.stringify({
        console: fake.url,
        bootstrapServers: p.bootstrapServers,
        system: p.system,
        client: p.client,
        secret: p.secret,
      }),
    );
    const bodies: unknown[] = [];
    fake.handle("POST", "/api/v1/client/register", (body) => {
      bodies.push(body);
      return { body: { created: 3, updated: 1, unchanged: 5, datastreams: [] } };
    });
    const file = path.join(root, "test/fixtures/panta-rhei/car1-instances.json");
    const run = await rhei(["--config", config, "register", file], { env: {} });
    expect(run).toMatchObject({ code: 0, stdout: "registered: 3 created, 1 updated, 5 unchanged; 0 datastream(s)\n" });
    expect(bodies).toEqual([JSON.parse(readFileSync(file, "utf8"))]);
    const missing = await rhei(["register", path.join(dir, "nope.json")]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*nope.json: ENOENT/) });
  });

  it("replays a time range to a file with a progress line, and tails new records", async () => {
    const from = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ datastream: "Road", result: `r${i}` })).join(
      "\n",
    );
    expect((await rhei(["produce"], { stdin: lines })).code).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    const to = new Date().toISOString();
    const dir = mkdtempSync(path.join(tmpdir(), "rhei-replay-"));
    const out = path.join(dir, "replay.jsonl");
    const run = await rhei(["replay", "--from", from, "--to", to, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/replay: read 50 of 50 \(100%\), wrote 50\n$/);
    const replayed = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).result);
    expect(replayed).toEqual(Array.from({ length: 50 }, (_, i) => `r${i}`));

    const tail = start(["tail", `${p.system}.Main.Road`, "--limit", "1"]);
    let tailing = true;
    const ended = tail.done.finally(() => {
      tailing = false;
    });
    // It reads from the moment it starts, which a loaded machine may delay: produce until it has seen one.
    for (let i = 0; i < 30 && tailing; i++) {
      expect((await rhei(["produce", "Air Temperature", "1"])).code).toBe(0); // not subscribed
      expect((await rhei(["produce", "Road", "wet"])).code).toBe(0);
      await Promise.race([ended, new Promise((r) => setTimeout(r, 500))]);
    }
    const tailed = await ended;
    expect(tailed.code).toBe(0);
    expect(JSON.parse(tailed.stdout).result).toBe("wet");
  });

  it("stops consume on Ctrl-C after committing what it printed", async () => {
    const lines = Array.from({ length: 5 }, (_, i) => JSON.stringify({ datastream: "Road", result: `c${i}` })).join(
      "\n",
    );
    expect((await rhei(["produce"], { stdin: lines })).code).toBe(0);
    const consumer = start(["consume", `${p.system}.Main.Road`]);
    await until(() => consumer.output().includes('"c4"'));
    (consumer.child as ChildProcess).kill("SIGINT");
    const stopped = Date.now();
    expect((await consumer.done).code).toBe(0);
    expect((await rhei(["produce", "Road", "after"])).code).toBe(0);
    const next = await rhei(["consume", `${p.system}.Main.Road`, "--limit", "1"]);
    expect(JSON.parse(next.stdout).result).toBe("after");
    // The stopped member left the group, so the next one joined without waiting out its session (30 s).
    expect(Date.now() - stopped).toBeLessThan(20_000);
  });
});

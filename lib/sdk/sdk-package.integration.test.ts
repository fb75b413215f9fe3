import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClientPrincipal, type TestClientPrincipal } from "@/test/kafka-client-principal";

// The SDK as an application gets it: built by `npm run build:sdk`, packed by `npm pack`, and imported as "rhei/sdk"
// by a plain Node program (no tsx, no TypeScript) in a project that installed Rhei by path.
const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
let p: TestClientPrincipal;
let app: string;

// Nothing of the test's environment: no NODE_OPTIONS (so no tsx loader), none of the console's settings.
const bare: Record<string, string> = { HOME: tmpdir() };
const plainEnv = bare as NodeJS.ProcessEnv;

beforeAll(async () => {
  await run("npm", ["run", "build:sdk"], { cwd: root });
  p = await seedClientPrincipal({ partitions: 1 });
  // `npm install /path/to/rhei` links the clone into node_modules; the same link, made by hand.
  app = mkdtempSync(path.join(tmpdir(), "rhei-app-"));
  mkdirSync(path.join(app, "node_modules"));
  symlinkSync(root, path.join(app, "node_modules/rhei"), "dir");
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "an-app", private: true, type: "module" }));
}, 120_000);
afterAll(async () => {
  await p?.cleanup();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe("the SDK as a package", () => {
  it("packs the built SDK, its declarations and the CLI, and none of the console", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root });
    const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "bin/rhei.mjs",
        "dist/sdk/index.js",
        "dist/sdk/cli.js",
        "dist/sdk/types/sdk/index.d.ts",
        "dist/sdk/types/sdk/rhei-client.d.ts",
        "dist/sdk/types/kafka/consumer.d.ts",
      ]),
    );
    expect(files.filter((f) => !f.startsWith("dist/sdk/")).sort()).toEqual([
      "README.md",
      "bin/rhei.mjs",
      "package.json",
    ]);
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    for (const target of Object.values(pkg.exports["./sdk"]) as string[]) {
      expect(files).toContain(target.replace(/^\.\//, ""));
    }
  });

  it("is imported as rhei/sdk by a plain Node program that produces a record and consumes it back", async () => {
    writeFileSync(
      path.join(app, "main.mjs"),
      `import { RheiClient, SdkError } from "rhei/sdk";
const { phenomenonTime, ...o } = JSON.parse(process.argv[2]);
const unit = { name: "DegreeCelsius", symbol: "degC", definition: "http://qudt.org/DegreeCelsius" };
const client = new RheiClient({
  ...o,
  datastreams: [{ name: "Air Temperature", fullName: o.system + ".Main.Air Temperature", observationType: "Measurement", unit }],
});
await client.produce("Air Temperature", "21.5", { phenomenonTime });
await client.flush();
let refused;
try {
  await client.produce("Air Temperature", "warm");
} catch (error) {
  refused = error instanceof SdkError ? error.code : String(error);
}
for await (const record of client.consume()) {
  console.log(JSON.stringify({ module: import.meta.resolve("rhei/sdk"), loaders: process.execArgv, refused, record }));
  break;
}
await client.close();
`,
    );
    // Epoch milliseconds within the topic's retention (the message is stamped with its phenomenon time).
    const phenomenonTime = Math.floor(Date.now() / 1000) * 1000 - 3_600_000 + 123;
    const credentials = {
      bootstrapServers: p.bootstrapServers,
      system: p.system,
      client: p.client,
      secret: p.secret,
      phenomenonTime,
    };
    const { stdout } = await run(process.execPath, ["main.mjs", JSON.stringify(credentials)], {
      cwd: app,
      env: plainEnv,
      timeout: 45_000,
    });
    const out = JSON.parse(stdout.trim().split("\n").at(-1) as string);
    expect(out.module).toMatch(/\/dist\/sdk\/index\.js$/);
    expect(out.loaders).toEqual([]);
    expect(out.refused).toBe("invalid-value");
    expect(out.record).toMatchObject({
      datastream: { name: "Air Temperature", fullName: `${p.system}.Main.Air Temperature` },
      observationType: "Measurement",
      unit: { symbol: "degC" },
      phenomenonTime: new Date(phenomenonTime).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z"),
      result: 21.5,
      topic: p.topics.int,
      format: "rhei",
    });
  });

  it("gives a TypeScript application under nodenext the SDK's types", async () => {
    writeFileSync(
      path.join(app, "app.ts"),
      `import { RheiClient, type RheiRecord, SdkError } from "rhei/sdk";
const client = new RheiClient({ bootstrapServers: "kafka:9092", system: "a.b.c.d", client: "c", secret: "s" });
export async function first(): Promise<RheiRecord | undefined> {
  for await (const record of client.consume()) return record;
  return undefined;
}
export const fine: SdkError["code"] = "invalid-value";
export const wrong: SdkError["code"] = "no-such-code";
`,
    );
    const tsc = path.join(root, "node_modules/typescript/bin/tsc");
    const args = [
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
    ];
    const types = ["--types", "node", "--typeRoots", path.join(root, "node_modules/@types"), "app.ts"];
    const result = await run(process.execPath, [tsc, ...args, ...types], { cwd: app, env: plainEnv }).then(
      () => ({ stdout: "" }),
      (error: { stdout: string }) => error,
    );
    // Exactly the one planted mistake: the declarations resolve, and they are real types, not `any`.
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^app\.ts\(8,14\): error TS2322: Type '"no-such-code"' is not assignable/),
    ]);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCliConfig } from "../sdk/cli/cli-config";
import {
  SDK_CONFIG_FILE,
  SECRET_PLACEHOLDER,
  sdkConfig,
  sdkConfigJson,
  sdkConfigSchema,
  sdkSnippet,
} from "./sdk-config";

const connection = { console: "https://rhei.example", bootstrapServers: "k1:9092,k2:9092" };
const client = { systemName: "cz.icecars.fleet.Car1", name: "car_1" };

describe("SDK configuration", () => {
  it("holds exactly the five settings the SDK takes, the secret only when given", () => {
    expect(sdkConfig(connection, client, "rcs_x")).toEqual({
      console: "https://rhei.example",
      bootstrapServers: "k1:9092,k2:9092",
      system: "cz.icecars.fleet.Car1",
      client: "car_1",
      secret: "rcs_x",
    });
    expect(sdkConfig(connection, client).secret).toBe(SECRET_PLACEHOLDER);
    expect(JSON.parse(sdkConfigJson(sdkConfig(connection, client, "rcs_x")))).toMatchObject({ secret: "rcs_x" });
  });

  it("keeps the secret out of the code example, which reads it from the environment", () => {
    const snippet = sdkSnippet(sdkConfig(connection, client, "rcs_secret"));
    expect(snippet).not.toContain("rcs_secret");
    expect(snippet).toContain("new RheiClient({");
    expect(snippet).toContain('system: "cz.icecars.fleet.Car1"');
    expect(snippet).toContain("secret: process.env.RHEI_CLIENT_SECRET");
  });
});

describe("rhei-client.json, written by the console and read by the CLI", () => {
  it("is one format: what the console downloads, `rhei --config` reads back unchanged", () => {
    const config = sdkConfig(
      { console: "http://localhost:3000", bootstrapServers: "localhost:29092" },
      { systemName: "cz.icecars.fleet.car1", name: "car_1" },
      "s3cret",
    );
    const dir = mkdtempSync(path.join(tmpdir(), "rhei-client-"));
    const file = path.join(dir, SDK_CONFIG_FILE);
    writeFileSync(file, sdkConfigJson(config));
    expect(loadCliConfig(file, true)).toMatchObject(config);
    expect(sdkConfigSchema.parse(JSON.parse(readFileSync(file, "utf8")))).toEqual(config);
  });

  it("lets a hand-written file list the bootstrap servers, and names a field of the wrong type", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rhei-client-"));
    const file = path.join(dir, "hand.json");
    writeFileSync(
      file,
      JSON.stringify({ bootstrapServers: ["a:9092", "b:9092"], system: "s", client: "c", secret: "x" }),
    );
    expect(loadCliConfig(file, false).bootstrapServers).toBe("a:9092,b:9092");
    writeFileSync(file, JSON.stringify({ system: 42 }));
    expect(() => loadCliConfig(file, false)).toThrow(/"system" must be a string/);
  });
});

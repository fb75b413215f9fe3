import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER, sdkConfig, sdkConfigJson, sdkSnippet } from "./sdk-config";

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

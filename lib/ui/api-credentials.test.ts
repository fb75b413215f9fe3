import { describe, expect, it } from "vitest";
import { basicAuthorization, bearerAuthorization, curlWithToken } from "./api-credentials";

describe("API credentials", () => {
  it("sends a token as Bearer and a client's principal and secret as HTTP Basic", () => {
    expect(bearerAuthorization("rhei_pat_x")).toBe("Bearer rhei_pat_x");
    expect(basicAuthorization("a.b.c.d.car_1", "rcs_s")).toBe(
      `Basic ${Buffer.from("a.b.c.d.car_1:rcs_s").toString("base64")}`,
    );
    expect(basicAuthorization("ü", "ß")).toBe(`Basic ${Buffer.from("ü:ß").toString("base64")}`);
  });

  it("shows the curl example with the API's base", () => {
    expect(curlWithToken("http://localhost:3000/api/v1", "t")).toBe(
      'curl -H "Authorization: Bearer t" http://localhost:3000/api/v1/companies',
    );
  });
});

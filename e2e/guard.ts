// Browser tests create users and companies: make sure that happens only against the test profile's own services.
export function assertTestProfile(): void {
  if (process.env.RHEI_PROFILE !== "test" || !/@(127\.0\.0\.1|localhost):/.test(process.env.DATABASE_URL ?? "")) {
    throw new Error("Browser tests run only in the test profile against local services: use `npm test`.");
  }
}

// Integration tests must never touch a database or broker that is not the test profile's own.
const url = process.env.DATABASE_URL ?? "";
if (process.env.RHEI_PROFILE !== "test" || !/@(127\.0\.0\.1|localhost):/.test(url)) {
  throw new Error("Integration tests run only in the test profile against local services: use `npm test`.");
}

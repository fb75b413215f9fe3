// Prints npm test's one summary line from the JSON reports of Vitest and Playwright and the stage results.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const [dir, ...pairs] = process.argv.slice(2);
const stages = Object.fromEntries(pairs.map((p) => p.split("=")));

function vitest(file) {
  const f = path.join(dir, file);
  if (!existsSync(f)) return { passed: 0, failed: 0, skipped: 0, missing: true };
  const r = JSON.parse(readFileSync(f, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwright(file) {
  const f = path.join(dir, file);
  if (!existsSync(f)) return { passed: 0, failed: 0, skipped: 0, missing: true };
  const s = JSON.parse(readFileSync(f, "utf8")).stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

const suites = {
  unit: vitest("unit.json"),
  integration: vitest("integration.json"),
  e2e: playwright("e2e/results.json"),
};
let passed = 0;
let failed = 0;
let skipped = 0;
const parts = [];
for (const [name, r] of Object.entries(suites)) {
  // A suite that crashed before reporting counts as one failure, so it can never pass by silence.
  const crashed = r.missing || (stages[name] !== "ok" && r.failed === 0);
  const f = r.failed + (crashed ? 1 : 0);
  passed += r.passed;
  failed += f;
  skipped += r.skipped;
  parts.push(`${name} ${r.passed}/${r.passed + f}${crashed ? ` (${stages[name] ?? "no report"})` : ""}`);
}
for (const check of ["typecheck", "lint", "build"]) {
  if (stages[check] !== "ok") failed += 1;
  parts.push(`${check} ${stages[check]}`);
}
console.log(
  `npm test: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} — ${parts.join(", ")} — ${stages.seconds}s`,
);
process.exitCode = failed > 0 ? 1 : 0;

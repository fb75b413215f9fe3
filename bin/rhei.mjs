#!/usr/bin/env node
// `npx rhei …`: the built command line (dist/sdk/cli.js, from `npm run build:sdk`) when there is one, else the
// TypeScript sources (lib/sdk/cli/main.ts) through tsx. In a checkout where the sources changed after the last
// build, the sources win, so a stale build never runs in their place.
import { existsSync, readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const built = new URL("dist/sdk/cli.js", root);
const source = new URL("lib/sdk/cli/main.ts", root);

function newestSourceMs() {
  let newest = statSync(new URL("lib/log.ts", root)).mtimeMs;
  for (const dir of ["lib/sdk", "lib/kafka"]) {
    for (const entry of readdirSync(new URL(dir, root), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".ts")) {
        newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
      }
    }
  }
  return newest;
}

if (existsSync(built) && (!existsSync(source) || statSync(built).mtimeMs >= newestSourceMs())) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
}

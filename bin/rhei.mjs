#!/usr/bin/env node
// `npx rhei …`: the CLI is TypeScript (lib/sdk/cli/main.ts); tsx compiles it on the fly.
import { register } from "tsx/esm/api";

register();
await import("../lib/sdk/cli/main.ts");

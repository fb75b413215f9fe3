// Registers the resolve hook below for Node entry points that run outside Next.js (server.ts, workers, scripts).
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);

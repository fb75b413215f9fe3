// Vitest runs server modules in plain Node, where the real `server-only` package would throw (see
// scripts/runtime/server-only-hook.mjs for the same rule outside tests).
export {};

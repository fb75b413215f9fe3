// `npm run build:sdk`: lib/sdk as an installable module in dist/sdk, for `import { RheiClient } from "rhei/sdk"` and
// `npx rhei` without tsx: index.js (the SDK) and cli.js (the command line), ESM for Node ≥ 20.19 with the npm
// dependencies left external (they are the package's dependencies), plus type declarations under types/.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "dist/sdk");

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: "lib/sdk/index.ts", cli: "lib/sdk/cli/main.ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  outdir: out,
  logLevel: "warning",
});
execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.sdk.json"], {
  cwd: root,
  stdio: "inherit",
});

// The sources import "./x" (moduleResolution "bundler"); declarations read under "nodenext", what Node
// applications use, need the file's own name: "./x.js" (or "./x/index.js").
const specifier = /(\bfrom\s+|\bimport\s*\(\s*)"(\.{1,2}\/[^"]+)"/g;
function withExtensions(file) {
  const dir = path.dirname(file);
  const text = readFileSync(file, "utf8").replace(specifier, (whole, lead, spec) => {
    if (spec.endsWith(".js")) return whole;
    if (existsSync(path.join(dir, `${spec}.d.ts`))) return `${lead}"${spec}.js"`;
    if (existsSync(path.join(dir, spec, "index.d.ts"))) return `${lead}"${spec}/index.js"`;
    throw new Error(`${path.relative(root, file)}: cannot tell what "${spec}" is`);
  });
  writeFileSync(file, text);
}
for (const entry of readdirSync(path.join(out, "types"), { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith(".d.ts")) withExtensions(path.join(entry.parentPath, entry.name));
}
console.log(`built ${path.relative(root, out)}: index.js, cli.js, types/sdk/index.d.ts`);

// Next.js turns `import "server-only"` into a build error in client bundles and into nothing on the server.
// Plain Node has no such rule and would run the package's throwing default export, so map it to an empty module.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return { url: "data:text/javascript,export{}", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

#!/usr/bin/env node
// Plain JavaScript on purpose: it must run (and explain itself) on any Node version.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `lore needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.\n` +
      'Install a newer Node.js (https://nodejs.org), or run lore through an npm script of a\n' +
      'project that has the "node" package (e.g. node@24) in its devDependencies.\n',
  );
  process.exit(2);
}
const { existsSync } = await import('node:fs');
// Reuse compiled (and type-stripped) modules across runs: it halves start-up time.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const here = new URL('..', import.meta.url);
// In a checkout the TypeScript sources run directly (Node strips the types);
// an installed package ships the compiled lib/ instead.
const source = new URL('src/cli/main.ts', here);
const compiled = new URL('lib/cli/main.js', here);
const entry = existsSync(source) && process.features?.typescript ? source : compiled;
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

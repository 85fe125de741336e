#!/usr/bin/env node
// The `moneta` command: teaches Node to load TypeScript (tsx's ESM loader), then runs the CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Moneta needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);

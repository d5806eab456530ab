#!/usr/bin/env node
// Compiles the server (and the shared TypeScript it imports) into ES modules,
// server/dist/server.js and the chunks it imports, that plain `node` runs: no
// TypeScript at runtime. npm dependencies stay external and load from
// server/node_modules. Code the server reaches through `await import()` (the
// PDF writer and its fonts, the OpenAI SDK, nodemailer) is split into chunks
// that load when first used, so a server that never needs them does not
// hold them in memory.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const server = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(server, 'dist');
const pkg = JSON.parse(readFileSync(join(server, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@throughline/'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { server: join(server, 'src/server.ts') },
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
});
// Loaded by path at runtime (new URL('./sqliteWriter.worker.mjs', import.meta.url)).
copyFileSync(join(server, 'src/store/sqliteWriter.worker.mjs'), join(out, 'sqliteWriter.worker.mjs'));
console.log('server/dist/server.js built');

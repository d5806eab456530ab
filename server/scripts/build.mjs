#!/usr/bin/env node
// Compiles the server, the shared TypeScript and the npm packages it imports
// into ES modules, server/dist/server.js and the chunks it imports, that plain
// `node` runs: no TypeScript at runtime. One bundle, whitespace-minified, holds
// less in memory than hundreds of separately loaded module files (about 10 MiB
// of RSS, see docs/performance.md). Code the server reaches through `await
// import()` (the PDF writer and its fonts, the OpenAI SDK, nodemailer) is split
// into chunks that load when first used, so a server that never needs them
// does not hold them in memory.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const server = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(server, 'dist');
// Left to load from server/node_modules: native code (better-sqlite3), packages that read their own
// files at runtime (pdfkit's and fontkit's data, the font packages), and the large ones only some
// servers use (pg, ioredis, openai, nodemailer), which are imported lazily anyway.
const external = [
  'better-sqlite3',
  'pdfkit',
  'fontkit',
  '@expo-google-fonts/*',
  '@fontsource/*',
  'vazirmatn',
  'pg',
  'ioredis',
  'openai',
  'nodemailer',
];

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
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
// Loaded by path at runtime (new URL('./sqliteWriter.worker.mjs', import.meta.url)).
copyFileSync(join(server, 'src/store/sqliteWriter.worker.mjs'), join(out, 'sqliteWriter.worker.mjs'));
console.log('server/dist/server.js built');

#!/usr/bin/env node
// Builds client/dist when it is missing or older than any client (or shared) source,
// so `pnpm start` always serves the current UI without rebuilding every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'client/dist/index.html');
const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'shared/src'].map((p) => join(root, p));

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourceAt = Math.max(...sources.map(newest));
if (builtAt >= sourceAt) {
  console.log('client/dist is up to date');
  process.exit(0);
}
console.log(builtAt === 0 ? 'client/dist is missing: building the client…' : 'client sources changed: rebuilding the client…');
const r = spawnSync('pnpm', ['--filter', '@throughline/client', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);

#!/usr/bin/env node
// `pnpm dev`: the Throughline server on :3000 and Vite on :5173 (proxying /api and /sync to it).
// Ctrl+C stops both; if either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const children = [
  spawn('pnpm', ['--filter', '@throughline/server', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port, HOST: process.env.HOST ?? '127.0.0.1' },
  }),
  spawn('pnpm', ['--filter', '@throughline/client', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, THROUGHLINE_SERVER: `http://127.0.0.1:${port}` },
  }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const c of children) c.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
console.log(`Throughline dev: open http://127.0.0.1:5173 (API on :${port})`);

#!/usr/bin/env node
// `pnpm start`: builds once when there is no build yet (a fresh clone), then
// runs the compiled server in this very process, so the signal a container
// runtime or systemd sends to `pnpm start` reaches the server that drains.
// Rebuild after changing the code with `pnpm build` (or use `pnpm dev`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'server/dist/server.js');
const client = join(root, 'client/dist/index.html');

if (!existsSync(server) || !existsSync(client)) {
  console.log('no build yet: running pnpm build…');
  const r = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(server).href);

// pnpm forwards SIGTERM to this process, but if pnpm itself is killed
// (SIGKILL, a crash) we would be orphaned: drain and stop as if told to.
const parent = process.ppid;
const orphanCheck = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphanCheck);
  process.kill(process.pid, 'SIGTERM');
}, 500).unref();

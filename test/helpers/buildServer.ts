import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Vitest global setup: compiles the server (esbuild, well under a second),
 * so the child-process tests run the same `node server/dist/server.js` as
 * production, built from the sources being tested.
 */
export default function setup() {
  execFileSync(process.execPath, ['server/scripts/build.mjs'], { cwd: resolve(import.meta.dirname, '../..'), stdio: 'pipe' });
}

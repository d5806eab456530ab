import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  /** Everything the process printed, for diagnosing a failure. */
  output(): string;
  /** Resolves with the exit code once the process has exited (null if a signal ended it). */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = resolve(ROOT, 'server/dist/server.js');

/**
 * Runs the compiled server (`node server/dist/server.js`, as in production)
 * as a real child process on a free loopback port. The test project's
 * global setup builds it.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  if (!existsSync(SERVER))
    throw new Error('server/dist/server.js is missing: run `pnpm build` (or `pnpm --filter @throughline/server build`)');
  return watchServer(
    spawn(process.execPath, [...nodeArgs, SERVER], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        THROUGHLINE_DATA_DIR: dataDir,
        THROUGHLINE_SECRET: 'test-secret',
        THROUGHLINE_DRAIN_SECONDS: '1',
        THROUGHLINE_RATE_LIMIT_CREATE: '1000000',
        THROUGHLINE_RATE_LIMIT_JOIN: '1000000',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** `pnpm start` as a container or systemd would run it: the process signals go to is pnpm's. */
export async function spawnPnpmStart(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return watchServer(
    spawn('pnpm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        THROUGHLINE_DATA_DIR: dataDir,
        THROUGHLINE_RATE_LIMIT_CREATE: '1000000',
        THROUGHLINE_RATE_LIMIT_JOIN: '1000000',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Waits for the "listening on" line and wraps the process. */
async function watchServer(child: ChildProcess): Promise<ServerProcess> {
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = () => {
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    url,
    wsUrl: url.replace('http', 'ws'),
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Every process below `pid` (children, grandchildren…), read from `ps`. */
export function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=']).toString();
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

/** True while a process with this id runs (a zombie awaiting its parent's reaping has stopped). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

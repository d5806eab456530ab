import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Throwaway PostgreSQL and Redis servers for tests: loopback only, in a temp
 * dir, with a watchdog that stops them if this process dies without
 * cleaning up.
 */
export interface Service {
  url: string;
  stop(): Promise<void>;
  /** Stops the server but keeps its data and port, for an outage mid-test… */
  down(): Promise<void>;
  /** …and starts it again on the same port. */
  up(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Runs `stopCommand` once process `pid` is gone. */
function watchdog(stopCommand: string): ChildProcess {
  const dog = spawn('bash', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stopCommand}`], {
    detached: true,
    stdio: 'ignore',
  });
  dog.unref();
  return dog;
}

function pgBin(name: string): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  for (const v of readdirSync(base).sort().reverse()) {
    const p = join(base, v, 'bin', name);
    if (existsSync(p)) return p;
  }
  return null;
}

export const havePostgres = () => pgBin('postgres') !== null;
export const haveRedis = () => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export async function startPostgres(): Promise<Service> {
  const initdb = pgBin('initdb');
  const pgCtl = pgBin('pg_ctl');
  if (!initdb || !pgCtl) throw new Error('PostgreSQL is not installed (Debian package postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run it as the postgres user the package created.
  if (asRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run(initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`;
  const start = () => run(pgCtl, ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  start();
  const stopCmd = `${asRoot ? 'runuser -u postgres -- ' : ''}${pgCtl} -D ${data} -m immediate stop; rm -rf ${dir}`;
  watchdog(stopCmd);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // Already down (an outage the test left in place).
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async down() {
      run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async up() {
      start();
    },
  };
}

export async function startRedis(): Promise<Service> {
  const port = await freePort();
  let running = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => running.stop(),
    down: () => running.stop(),
    async up() {
      running = await spawnRedis(port);
    },
  };
}

async function spawnRedis(port: number): Promise<{ stop(): Promise<void> }> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const dog = watchdog(`kill ${child.pid} 2>/dev/null`);
  await new Promise<void>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) ok();
    });
    child.on('exit', (code) => fail(new Error(`redis-server exited ${code}: ${out}`)));
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      try {
        if (dog.pid) process.kill(dog.pid, 'SIGTERM');
      } catch {
        // The watchdog already ended.
      }
    },
  };
}

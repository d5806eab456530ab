/**
 * True for errors that mean the database is out of reach (refused, dropped,
 * restarting, out of connections, a connection timeout, SQLite busy or its
 * disk failing), as opposed to a bug or bad input. Those answer 503 with
 * Retry-After: the request may well succeed in a moment.
 */
export function isStoreOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // PostgreSQL SQLSTATE: 08 connection exception, 57P0x shutting down / cannot connect now, 53300 too many connections.
    if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') return true;
  }
  return OUTAGE_MESSAGES.some((m) => err.message.includes(m));
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const OUTAGE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'the SQLite writer thread exited',
  'SQLite write failed: SQLITE_BUSY',
  'SQLite write failed: SQLITE_FULL',
];

/**
 * WebSocket close codes. 4xxx are application codes (mirroring HTTP where it
 * helps); a client can tell "fix your link" (4401/4403/4404) from "retry
 * later" (1012, 4429).
 */
export const CloseCode = {
  /** Server restarting or shutting down; reconnect. */
  serviceRestart: 1012,
  /** A frame larger than the limit. */
  messageTooBig: 1009,
  /** A frame that is not a valid Throughline/y-websocket message. */
  malformed: 4400,
  /** Missing, forged or expired token. */
  unauthorized: 4401,
  /** Valid token, but not for this session or document. */
  forbidden: 4403,
  /** No such session or document. */
  notFound: 4404,
  /** Too many open connections for this participant. */
  tooManyConnections: 4409,
  /** Messages arriving faster than the per-connection rate limit. */
  rateLimited: 4429,
} as const;
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting with the same link is pointless. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.notFound,
]);

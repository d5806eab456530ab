/**
 * WebSocket close codes. 4xxx are application codes mirroring HTTP. Stock
 * y-websocket (v3) stops reconnecting on any 4400–4499 code, which is what
 * we want for all of them: a bad link, a flood or a malformed frame will not
 * fix itself by retrying. 1012 means "reconnect".
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
  /**
   * A valid message over a bound the server checks before decoding (structs
   * or delete ranges per update, text length, nesting, awareness size): a
   * client that sends one was crafted, or its local copy holds something
   * no server will take. Reconnecting would resend it.
   */
  overBounds: 4413,
  /**
   * Too much sent: messages or bytes faster than one socket may send, or
   * writes beyond the participant's (or session's) budget, or a new socket
   * while the participant is backed off. The reason ends "retry in N s"
   * (see `retryAfterReason`): our clients wait that long, then reconnect.
   */
  rateLimited: 4429,
} as const;
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which reconnecting with the same link is pointless. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.unauthorized, CloseCode.forbidden, CloseCode.notFound]);

/** A 4429 close reason saying how long to wait; a close reason is at most 123 bytes. */
export const retryAfterReason = (what: string, waitMs: number) =>
  `${what.slice(0, 90)}; retry in ${Math.max(1, Math.ceil(waitMs / 1000))} s`;

/** The wait a `retryAfterReason` names, in ms; null when the reason names none. */
export function retryAfterMs(reason: string): number | null {
  const m = /retry in (\d+) s$/.exec(reason);
  return m ? Number(m[1]) * 1000 : null;
}

import type * as Y from 'yjs';

/**
 * Generation status in the `board` document, so the person who asked (and
 * everyone else) can watch a request progress without a second channel:
 *
 *   aiRequests: Y.Map<requestId, AiRequestRecord>   plain JSON values
 *
 * Only the server writes this root, always in a transaction tagged
 * `Origins.ai`, and always replaces a whole record: clients only read.
 */
export const AI_REQUESTS_ROOT = 'aiRequests';

export const AI_REQUEST_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export type AiRequestStatus = (typeof AI_REQUEST_STATUSES)[number];

/**
 * Why a request stopped early. Stable strings: the client maps them to
 * messages and advice ("ask the facilitator to configure a key", "try again
 * in a minute").
 */
export const AI_ERROR_KINDS = [
  /** No AI configured, or the configured one cannot be reached. */
  'unavailable',
  /** The AI service rejected the server's key. */
  'auth',
  /** The AI service (or our own per-session limit) said slow down. */
  'rate-limited',
  /** The per-request timeout or the overall deadline passed. */
  'timeout',
  /** The model's reply was not the ideas we asked for. */
  'invalid-output',
  /** The AI service failed (5xx) after our retries. */
  'upstream',
  /** The board froze (the session left explore) while ideas were arriving. */
  'frozen',
  'internal',
] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];

export interface AiRequestRecord {
  requestId: string;
  status: AiRequestStatus;
  requestedBy: string;
  requestedByName: string;
  generator: string;
  model: string;
  lens: string | null;
  /** Ideas asked for. */
  requested: number;
  /** Ideas written to the board so far. */
  count: number;
  /** Items the generator produced that failed validation and never reached the board. */
  rejected: number;
  error: { kind: AiErrorKind; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

export const aiRequestsMap = (doc: Y.Doc) => doc.getMap<unknown>(AI_REQUESTS_ROOT);

const isRecord = (v: unknown): v is AiRequestRecord =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as AiRequestRecord).requestId === 'string' &&
  (AI_REQUEST_STATUSES as readonly unknown[]).includes((v as AiRequestRecord).status);

export function readAiRequest(doc: Y.Doc, requestId: string): AiRequestRecord | null {
  const v = aiRequestsMap(doc).get(requestId);
  return isRecord(v) ? v : null;
}

/** Every well-formed record, newest first. */
export function readAiRequests(doc: Y.Doc): AiRequestRecord[] {
  return [...aiRequestsMap(doc).values()].filter(isRecord).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Replaces the record. Call inside a transaction tagged `Origins.ai`. */
export const writeAiRequest = (doc: Y.Doc, r: AiRequestRecord) => aiRequestsMap(doc).set(r.requestId, r);

/**
 * Deletes the oldest finished records beyond `keep`, so a long session's
 * board does not carry every request it ever made. Running ones stay.
 */
export function pruneAiRequests(doc: Y.Doc, keep: number): number {
  const finished = readAiRequests(doc).filter((r) => r.status !== 'running');
  const drop = finished.slice(keep);
  for (const r of drop) aiRequestsMap(doc).delete(r.requestId);
  return drop.length;
}

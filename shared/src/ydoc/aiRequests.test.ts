import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type AiRequestRecord, aiRequestsMap, pruneAiRequests, readAiRequest, readAiRequests, writeAiRequest } from './aiRequests.ts';

const rec = (id: string, startedAt: string, status: AiRequestRecord['status'] = 'done'): AiRequestRecord => ({
  requestId: id,
  status,
  requestedBy: 'p_1234',
  requestedByName: 'Pat',
  generator: 'offline',
  model: 'throughline-lenses-2',
  lens: null,
  requested: 5,
  count: 5,
  rejected: 0,
  error: null,
  startedAt,
  finishedAt: null,
});

describe('aiRequests accessor', () => {
  it('round-trips, ignores malformed values and lists newest first', () => {
    const doc = new Y.Doc();
    writeAiRequest(doc, rec('ai_a', '2026-01-01T00:00:00Z'));
    writeAiRequest(doc, rec('ai_b', '2026-01-02T00:00:00Z'));
    aiRequestsMap(doc).set('ai_junk', { status: 'exploded' });
    expect(readAiRequest(doc, 'ai_a')?.count).toBe(5);
    expect(readAiRequest(doc, 'ai_junk')).toBeNull();
    expect(readAiRequests(doc).map((r) => r.requestId)).toEqual(['ai_b', 'ai_a']);
  });

  it('prunes the oldest finished records but never a running one', () => {
    const doc = new Y.Doc();
    writeAiRequest(doc, rec('ai_old_running', '2026-01-01T00:00:00Z', 'running'));
    for (let i = 2; i <= 6; i++) writeAiRequest(doc, rec(`ai_${i}`, `2026-01-0${i}T00:00:00Z`));
    expect(pruneAiRequests(doc, 2)).toBe(3);
    expect(readAiRequests(doc).map((r) => r.requestId)).toEqual(['ai_6', 'ai_5', 'ai_old_running']);
  });
});

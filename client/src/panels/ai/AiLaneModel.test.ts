import type { AiRequestRecord, Idea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { laneGroups, progressText, provenanceText } from './AiLaneModel.ts';

const idea = (id: string, requestId: string, createdAt: number, lane: 'ai' | 'canvas' = 'ai'): Idea =>
  ({
    id,
    text: id,
    lane,
    origin: 'ai',
    createdAt,
    provenance: { generator: 'offline', model: 'm', lens: 'inversion', promptVersion: 'p1', requestId, requestedBy: 'p_pat', seed: 7 },
  }) as unknown as Idea;

const rec = (requestId: string, startedAt: string, over: Partial<AiRequestRecord> = {}): AiRequestRecord => ({
  requestId,
  status: 'done',
  requestedBy: 'p_pat',
  requestedByName: 'Pat',
  generator: 'offline',
  model: 'm',
  lens: null,
  requested: 3,
  count: 3,
  rejected: 0,
  error: null,
  startedAt,
  finishedAt: null,
  ...over,
});

describe('AI lane model', () => {
  it('groups lane ideas by request, newest request first, leaving adopted ideas out', () => {
    const groups = laneGroups(
      [idea('idea:a2', 'ai_a', 2), idea('idea:b1', 'ai_b', 5), idea('idea:a1', 'ai_a', 1), idea('idea:x', 'ai_a', 3, 'canvas')],
      [rec('ai_a', '2026-01-01T00:00:00Z'), rec('ai_b', '2026-01-02T00:00:00Z')],
    );
    expect(groups.map((g) => g.requestId)).toEqual(['ai_b', 'ai_a']);
    expect(groups[1]?.ideas.map((i) => i.id)).toEqual(['idea:a1', 'idea:a2']);
  });

  it('describes provenance honestly and progress plainly', () => {
    const p = idea('idea:a', 'ai_a', 1).provenance;
    expect(provenanceText(p, () => 'Pat')).toBe(
      'Offline generator (templates, no AI model) · lens: Inversion · prompt p1 · asked by Pat · request ai_a · seed 7',
    );
    expect(progressText(rec('ai_a', 'x', { status: 'running', count: 2, requested: 10 }))).toBe('Generating… 2 of 10 ideas');
    expect(progressText(rec('ai_a', 'x', { status: 'failed', count: 0, error: { kind: 'timeout', message: 'Too slow.' } }))).toBe(
      'Failed after 0 of 3: Too slow.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTE_COLOR, isSelectable, personIdea } from './idea.ts';
import type { IdeaId } from './ids.ts';

describe('personIdea', () => {
  const fields = { id: 'idea:a1' as IdeaId, text: 'Pilot', x: 10, y: 20, author: { id: 'p_ana1', name: 'Ana' }, createdAt: 5 };

  it('is a person-written canvas note with no AI provenance, adoption or edit', () => {
    const idea = personIdea(fields);
    expect(idea).toEqual({
      ...{ id: 'idea:a1', text: 'Pilot', x: 10, y: 20, createdAt: 5 },
      color: DEFAULT_NOTE_COLOR,
      authorId: 'p_ana1',
      authorName: 'Ana',
      origin: 'person',
      lane: 'canvas',
      clusterId: null,
      provenance: null,
      adoptedBy: null,
      editedBy: null,
    });
    expect(isSelectable(idea)).toBe(true);
  });

  it('keeps a chosen colour and cluster', () => {
    const idea = personIdea({ ...fields, color: '#d0ebff', clusterId: 'cluster:c1' as never });
    expect(idea.color).toBe('#d0ebff');
    expect(idea.clusterId).toBe('cluster:c1');
  });
});

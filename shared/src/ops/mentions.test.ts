import { describe, expect, it } from 'vitest';
import { findMentions, mentionCandidates, mentionQuery } from './mentions.ts';

const people = [
  { id: 'p_ana', name: 'Ana' },
  { id: 'p_analima', name: 'Ana Lima' },
  { id: 'p_bo', name: 'Bo' },
];

describe('mentions', () => {
  it('finds the longest matching name, once each, not inside a longer word', () => {
    expect(findMentions('@Ana Lima and @bo, also @Ana and @Bob', people)).toEqual(['p_analima', 'p_bo', 'p_ana']);
    expect(findMentions('mail me at x@bo.com', people)).toEqual([]);
  });

  it('reads the query being typed and ranks candidates', () => {
    expect(mentionQuery('hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionQuery('me@an', 5)).toBeNull();
    expect(mentionCandidates('li', people).map((p) => p.id)).toEqual(['p_analima']);
    expect(mentionCandidates('a', people).map((p) => p.id)).toEqual(['p_ana', 'p_analima']);
  });
});

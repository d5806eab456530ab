import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { IdeaId } from '../model/ids.ts';
import { readPhase, readTallies } from '../ydoc/controlDoc.ts';
import {
  PRIVATE_ROOTS,
  readAllScores,
  readAllVotes,
  readMyScores,
  readMyVotes,
  resetVotes,
  revealVotes,
  writeMyScores,
  writeMyVotes,
} from './votingDoc.ts';

const alice = 'p_alice01';
const bob = 'p_bob0001';
const ideas = ['idea:a', 'idea:b', 'idea:c'] as IdeaId[];
const criteria = [
  { id: 'crit:fit', weight: 3 },
  { id: 'crit:cost', weight: 1 },
];

/** Everything a client syncing the control doc would receive, as text. */
const wire = (doc: Y.Doc) => JSON.stringify(doc.toJSON()) + new TextDecoder().decode(Y.encodeStateAsUpdate(doc));

function session() {
  const control = new Y.Doc();
  const priv = new Y.Doc();
  writeMyVotes(priv, alice, { 'idea:a': 3, 'idea:b': 2 });
  writeMyVotes(priv, bob, { 'idea:a': 1 });
  writeMyScores(priv, alice, { 'idea:a': { 'crit:fit': 5, 'crit:cost': 1 } });
  writeMyScores(priv, bob, { 'idea:a': { 'crit:fit': 3 } });
  return { control, priv };
}

describe('private vote doc', () => {
  it('round-trips one person’s votes and scores and flattens everyone’s', () => {
    const { priv } = session();
    expect(readMyVotes(priv, alice)).toEqual({ 'idea:a': 3, 'idea:b': 2 });
    expect(readMyScores(priv, bob)).toEqual({ 'idea:a': { 'crit:fit': 3 } });
    expect(readAllVotes(priv)).toHaveLength(3);
    expect(readAllScores(priv)).toHaveLength(3);
    writeMyVotes(priv, bob, {});
    expect(readMyVotes(priv, bob)).toEqual({});
  });

  it('drops malformed entries instead of counting them', () => {
    const priv = new Y.Doc();
    priv.getMap(PRIVATE_ROOTS.votes).set(alice, { 'idea:a': 2, 'idea:b': -1, 'idea:c': 'x', 'idea:d': 1.5 });
    expect(readMyVotes(priv, alice)).toEqual({ 'idea:a': 2 });
  });

  it('keeps per-person votes out of the control doc before and after reveal', () => {
    const { control, priv } = session();
    expect(readTallies(control)).toEqual([]);
    expect(wire(control)).not.toContain(alice);

    const tallies = revealVotes(control, priv, ideas, criteria);
    expect(readPhase(control).revealed).toBe(true);
    const a = readTallies(control).find((t) => t.ideaId === 'idea:a');
    // fit mean 4 (w3), cost mean 1 (w1): (12 + 1) / 4 = 3.25
    expect(a).toEqual({
      ideaId: 'idea:a',
      votes: 4,
      voters: 2,
      criterionMeans: { 'crit:fit': 4, 'crit:cost': 1 },
      weightedScore: 3.25,
    });
    expect(tallies.map((t) => [t.ideaId, t.votes])).toEqual([
      ['idea:a', 4],
      ['idea:b', 2],
      ['idea:c', 0],
    ]);
    const published = wire(control);
    expect(published).not.toContain(alice);
    expect(published).not.toContain(bob);
  });

  it('a reset starts a new round: no votes, no tallies, voting open', () => {
    const { control, priv } = session();
    revealVotes(control, priv, ideas, criteria);
    resetVotes(control, priv);
    expect(readAllVotes(priv)).toEqual([]);
    expect(readAllScores(priv)).toEqual([]);
    expect(readTallies(control)).toEqual([]);
    expect(readPhase(control).revealed).toBe(false);
  });
});

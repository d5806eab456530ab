import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reactionKey, reactionsMap, readReactions, toggleReaction } from '../ydoc/boardReactions.ts';
import { checkReactionUpdate } from './reactionGuard.ts';

const IDEA = 'idea:aaaaaaaaaaaa';

/** A server doc and a client synced to it; `change` returns the client's update, checked as from `me`. */
function setup() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  const sync = () => Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  const check = (me: string, fn: (doc: Y.Doc) => void) => {
    sync();
    const before = Y.encodeStateVector(client);
    fn(client);
    const update = Y.encodeStateAsUpdate(client, before);
    const reason = checkReactionUpdate(server, Y.decodeUpdate(update), me);
    if (reason === null) Y.applyUpdate(server, update);
    return reason;
  };
  return { server, check };
}

describe('reactions guard', () => {
  it('lets a participant add and remove their own reactions', () => {
    const { server, check } = setup();
    expect(check('p_me', (d) => toggleReaction(d, IDEA, '👍', 'p_me'))).toBeNull();
    expect(readReactions(server, IDEA)).toEqual({ '👍': ['p_me'] });
    expect(check('p_me', (d) => toggleReaction(d, IDEA, '👍', 'p_me'))).toBeNull();
    expect(readReactions(server, IDEA)).toEqual({});
    // Re-adding overwrites the key's last item: the key comes from the origin chain, still our own.
    expect(check('p_me', (d) => toggleReaction(d, IDEA, '👍', 'p_me'))).toBeNull();
    expect(check('p_me', (d) => reactionsMap(d).set(reactionKey(IDEA, '👍', 'p_me'), true))).toBeNull();
  });

  it("refuses adding, overwriting or removing another participant's reaction", () => {
    const { server, check } = setup();
    expect(check('p_other', (d) => toggleReaction(d, IDEA, '🎉', 'p_other'))).toBeNull();
    expect(check('p_me', (d) => toggleReaction(d, IDEA, '👍', 'p_other'))).toMatch(/your own reactions/);
    expect(check('p_me', (d) => toggleReaction(d, IDEA, '🎉', 'p_other'))).toMatch(/your own reactions/);
    expect(check('p_me', (d) => reactionsMap(d).set(reactionKey(IDEA, '🎉', 'p_other'), true))).toMatch(/your own reactions/);
    expect(check('p_me', (d) => reactionsMap(d).clear())).toMatch(/your own reactions/);
    expect(readReactions(server, IDEA)).toEqual({ '🎉': ['p_other'] });
  });

  it('refuses entries that are not a known emoji on a note, or not `true`', () => {
    // A fresh pair each time: a refused update stays on the client, and the sync layer refuses what builds on it.
    const check = (fn: (d: Y.Doc) => void) => setup().check('p_me', fn);
    expect(check((d) => reactionsMap(d).set(`${IDEA}|💩|p_me`, true))).toMatch(/offered emoji/);
    expect(check((d) => reactionsMap(d).set('p_me', true))).toMatch(/offered emoji/);
    expect(check((d) => reactionsMap(d).set(reactionKey(IDEA, '👍', 'p_me'), 5))).toMatch(/true/);
    expect(check((d) => reactionsMap(d).set(reactionKey(IDEA, '👍', 'p_me'), new Y.Map()))).toMatch(/true/);
  });

  it("takes a resend that repeats another participant's reaction the server already has (a step 2 after a failover)", () => {
    const { server, check } = setup();
    expect(check('p_other', (d) => toggleReaction(d, IDEA, '🎉', 'p_other'))).toBeNull();
    // My copy holds their reaction and my own new one; I resend everything, as a sync step 2 against an empty state vector does.
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    toggleReaction(mine, IDEA, '👍', 'p_me');
    expect(checkReactionUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(mine)), 'p_me')).toBeNull();
    // A struct the server lacks is still judged, even inside a resend.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
    reactionsMap(forged).set(reactionKey(IDEA, '❤️', 'p_other'), true);
    expect(checkReactionUpdate(server, Y.decodeUpdate(Y.encodeStateAsUpdate(forged)), 'p_me')).toMatch(/your own reactions/);
  });

  it('ignores the rest of the board', () => {
    const { check } = setup();
    expect(check('p_me', (d) => d.getMap('ideas').set(IDEA, new Y.Map()))).toBeNull();
  });
});

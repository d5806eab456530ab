import type { Phase } from '../model/phase.ts';

export interface Readiness {
  /** Participants (of those counted) done with the current phase, in the order given. */
  done: string[];
  /** How many are counted. */
  total: number;
}

/**
 * "4 of 6 done": who of `participantIds` said they finished `phase`.
 * Entries for another phase are leftovers (a phase change clears them) and
 * never count. Ready people outside the list are not counted either: the
 * caller decides who is in the room (joined participants, not viewers).
 */
export function readiness(ready: Readonly<Record<string, Phase>>, phase: Phase, participantIds: readonly string[]): Readiness {
  const done = participantIds.filter((id) => ready[id] === phase);
  return { done, total: participantIds.length };
}

/**
 * The fixed reactions a note can carry. A small set keeps them a
 * conversation aid ("+1", "love it", "question") rather than a second,
 * unofficial vote: reactions never enter voting, scoring or deciding.
 */
export const REACTION_EMOJI = ['👍', '❤️', '🎉', '😂', '🤔', '👀'] as const;
export type ReactionEmoji = (typeof REACTION_EMOJI)[number];

export const isReactionEmoji = (s: string): s is ReactionEmoji => (REACTION_EMOJI as readonly string[]).includes(s);

/** A note's reactions as readers see them: emoji → ids of the participants who reacted, in a stable order. */
export type Reactions = Partial<Record<ReactionEmoji, string[]>>;

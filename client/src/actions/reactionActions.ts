import { type ReactionEmoji, toggleReaction } from '@throughline/shared';
import { defineAction, write } from './types.ts';

/** Adds or takes back this person's reaction on a board note (never undone with Ctrl+Z: it is not an edit of the board's ideas). */
export const react = defineAction<{ ideaId: string; emoji: ReactionEmoji }>({
  name: 'react',
  label: 'React',
  writes: true,
  perform(ctx, { ideaId, emoji }) {
    write(ctx, () => toggleReaction(ctx.doc, ideaId, emoji, ctx.me.participantId));
  },
});

import { deleteIdea } from '@throughline/shared';
import { patchStore } from '../state/createStore.ts';
import { defineAction, write } from './types.ts';

/**
 * Dismisses an AI idea waiting in the lane: it leaves the lane for everyone
 * (the server lets people delete notes; only adoption needs a command).
 * Undo brings it back. Canvas notes are not touched here.
 */
export const dismissAiIdea = defineAction<{ id: string }>({
  name: 'dismissAiIdea',
  label: 'Dismiss AI idea',
  writes: true,
  perform(ctx, { id }) {
    ctx.store.flush();
    if (ctx.store.ideas.get(id)?.lane !== 'ai') return;
    write(ctx, () => deleteIdea(ctx.doc, id));
    patchStore(ctx.ui, { announcement: 'AI idea dismissed' });
  },
});

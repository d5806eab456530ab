import { draftIdeasMap, draftsDocName, insertIdea, restoreIdea } from '@throughline/shared';
import type { CommandContext } from './CommandContext.ts';

/**
 * Moves every participant's private drafts onto the shared board, keeping
 * each note's id, author and position, and empties the drafts. Returns how
 * many notes were published.
 */
export async function publishAllDrafts(ctx: CommandContext): Promise<number> {
  const people = await ctx.participants();
  let published = 0;
  for (const person of people) {
    if (person.role === 'viewer') continue;
    published += await ctx.app.rooms.with(ctx.session.id, [draftsDocName(person.id)], (drafts) => {
      const ideas = [...draftIdeasMap(drafts.doc).entries()].map(([id, m]) => restoreIdea(id, m));
      if (ideas.length === 0) return 0;
      ctx.transact(ctx.board, () => {
        for (const idea of ideas)
          insertIdea(ctx.board, { ...idea, authorId: person.id, authorName: person.name, origin: 'person', lane: 'canvas' });
      });
      ctx.transact(drafts.doc, () => draftIdeasMap(drafts.doc).clear());
      return ideas.length;
    });
  }
  return published;
}

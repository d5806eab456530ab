import {
  clustersMap,
  createIdeaId,
  DEFAULT_NOTE_COLOR,
  draftIdeasMap,
  draftsDocName,
  type Idea,
  IdeaIdSchema,
  ideasMap,
  insertIdea,
  MAX_IDEA_TEXT,
  personIdea,
  restoreIdea,
} from '@throughline/shared';
import * as Y from 'yjs';
import type { ParticipantRecord } from '../store/Store.ts';
import type { CommandContext } from './CommandContext.ts';

/** Longest colour string kept from a draft; anything longer is not a colour. */
const MAX_COLOR = 64;

export interface PublishOutcome {
  /** Notes now on the board. */
  published: number;
  /** Draft entries dropped because they were not notes (cleared from the drafts). */
  skipped: number;
  /** Participants whose drafts could not be read; their drafts stay where they are. */
  failed: number;
}

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, cut);
}

/**
 * The board note a draft becomes. Drafts are written by their author alone,
 * so nothing in one is trusted: only the note's own content is copied, the
 * author comes from the participant record, and every field the board
 * gives meaning to (origin, lane, provenance, adoption, editing) is set
 * here. The id is kept only when it is a well-formed idea id that is not
 * on the board yet: a draft never replaces a board note.
 */
function noteFromDraft(board: Y.Doc, id: string, m: Y.Map<unknown>, person: { id: string; name: string }): Idea {
  const draft = restoreIdea(id, m);
  const keepId = IdeaIdSchema.safeParse(id).success && !ideasMap(board).has(id);
  const clusterId = draft.clusterId !== null && clustersMap(board).get(draft.clusterId) instanceof Y.Map ? draft.clusterId : null;
  return personIdea({
    id: keepId ? draft.id : createIdeaId(),
    text: clip(draft.text, MAX_IDEA_TEXT),
    x: draft.x,
    y: draft.y,
    color: draft.color.length <= MAX_COLOR ? draft.color : DEFAULT_NOTE_COLOR,
    author: person,
    clusterId,
    createdAt: draft.createdAt,
  });
}

/**
 * Moves every participant's private drafts onto the shared board under
 * their author, keeping each note's text, position and colour, and empties
 * the drafts. Entries that are not notes are dropped (and cleared), so one
 * malformed draft can never block publishing, and with it leaving explore.
 * A participant whose drafts cannot be loaded is logged and skipped. Pass
 * `people` when the caller has listed them already.
 */
export async function publishAllDrafts(ctx: CommandContext, people?: readonly ParticipantRecord[]): Promise<PublishOutcome> {
  people ??= await ctx.participants();
  const outcome: PublishOutcome = { published: 0, skipped: 0, failed: 0 };
  for (const person of people) {
    if (person.role === 'viewer') continue;
    try {
      await ctx.withDocs([draftsDocName(person.id)], (drafts) => {
        const entries = draftIdeasMap(drafts);
        if (entries.size === 0) return;
        let published = 0;
        let skipped = 0;
        ctx.transact(ctx.board, () => {
          for (const [id, m] of entries.entries()) {
            if (!(m instanceof Y.Map)) {
              skipped++;
              continue;
            }
            let note: Idea;
            try {
              note = noteFromDraft(ctx.board, id, m, person);
            } catch (err) {
              ctx.log.warn({ err, sessionId: ctx.session.id, participantId: person.id, draftId: id }, 'dropping unreadable draft');
              skipped++;
              continue;
            }
            insertIdea(ctx.board, note);
            published++;
          }
        });
        ctx.transact(drafts, () => entries.clear());
        outcome.published += published;
        outcome.skipped += skipped;
      });
    } catch (err) {
      outcome.failed++;
      ctx.log.error({ err, sessionId: ctx.session.id, participantId: person.id }, 'could not publish drafts');
    }
  }
  if (outcome.skipped > 0) ctx.log.warn({ sessionId: ctx.session.id, skipped: outcome.skipped }, 'dropped drafts that were not notes');
  return outcome;
}

/** How many notes sit in participants' drafts (what a publish would move). Drafts that cannot be loaded count as none. */
export async function countDrafts(ctx: CommandContext): Promise<number> {
  let n = 0;
  for (const person of await ctx.participants()) {
    if (person.role === 'viewer') continue;
    try {
      n += await ctx.withDocs([draftsDocName(person.id)], (drafts) => {
        let mine = 0;
        draftIdeasMap(drafts).forEach((m) => {
          if (m instanceof Y.Map) mine++;
        });
        return mine;
      });
    } catch (err) {
      ctx.log.error({ err, sessionId: ctx.session.id, participantId: person.id }, 'could not count drafts');
    }
  }
  return n;
}

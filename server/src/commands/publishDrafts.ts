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
 * the drafts. Everyone's notes land in one board transaction, so they
 * arrive for everyone at once ("Reveal all"), not person by person.
 * Entries that are not notes are dropped (and cleared), so one malformed
 * draft can never block publishing, and with it leaving explore. A
 * participant whose drafts cannot be loaded is logged and skipped. Pass
 * `people` when the caller has listed them already.
 */
export async function publishAllDrafts(ctx: CommandContext, people?: readonly ParticipantRecord[]): Promise<PublishOutcome> {
  people ??= await ctx.participants();
  const outcome: PublishOutcome = { published: 0, skipped: 0, failed: 0 };
  await holdDrafts(
    ctx,
    people.filter((p) => p.role !== 'viewer'),
    [],
    outcome,
  );
  if (outcome.skipped > 0) ctx.log.warn({ sessionId: ctx.session.id, skipped: outcome.skipped }, 'dropped drafts that were not notes');
  return outcome;
}

interface HeldDrafts {
  person: ParticipantRecord;
  drafts: Y.Doc;
}

/** Holds each person's drafts doc in turn (skipping those that fail to load), then publishes them all while holding every one. */
async function holdDrafts(
  ctx: CommandContext,
  rest: readonly ParticipantRecord[],
  held: HeldDrafts[],
  outcome: PublishOutcome,
): Promise<void> {
  const [person, ...after] = rest;
  if (!person) return publishHeld(ctx, held, outcome);
  let loaded = false;
  try {
    await ctx.withDocs([draftsDocName(person.id)], (drafts) => {
      loaded = true;
      return holdDrafts(ctx, after, [...held, { person, drafts }], outcome);
    });
  } catch (err) {
    if (loaded) throw err;
    outcome.failed++;
    ctx.log.error({ err, sessionId: ctx.session.id, participantId: person.id }, 'could not publish drafts');
    await holdDrafts(ctx, after, held, outcome);
  }
}

function publishHeld(ctx: CommandContext, held: readonly HeldDrafts[], outcome: PublishOutcome): void {
  const withNotes = held.filter((h) => draftIdeasMap(h.drafts).size > 0);
  if (withNotes.length === 0) return;
  ctx.transact(ctx.board, () => {
    for (const { person, drafts } of withNotes) {
      for (const [id, m] of draftIdeasMap(drafts).entries()) {
        if (!(m instanceof Y.Map)) {
          outcome.skipped++;
          continue;
        }
        let note: Idea;
        try {
          note = noteFromDraft(ctx.board, id, m, person);
        } catch (err) {
          ctx.log.warn({ err, sessionId: ctx.session.id, participantId: person.id, draftId: id }, 'dropping unreadable draft');
          outcome.skipped++;
          continue;
        }
        insertIdea(ctx.board, note);
        outcome.published++;
      }
    }
  });
  for (const { drafts } of withNotes) ctx.transact(drafts, () => draftIdeasMap(drafts).clear());
}

/** How many notes sit in each participant's drafts (participant id → count). Drafts that cannot be loaded count as none. */
export async function countDraftsByPerson(ctx: CommandContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const person of await ctx.participants()) {
    if (person.role === 'viewer') continue;
    try {
      counts[person.id] = await ctx.withDocs([draftsDocName(person.id)], (drafts) => {
        let mine = 0;
        draftIdeasMap(drafts).forEach((m) => {
          if (m instanceof Y.Map) mine++;
        });
        return mine;
      });
    } catch (err) {
      counts[person.id] = 0;
      ctx.log.error({ err, sessionId: ctx.session.id, participantId: person.id }, 'could not count drafts');
    }
  }
  return counts;
}

/** How many notes sit in participants' drafts (what a publish would move). */
export async function countDrafts(ctx: CommandContext): Promise<number> {
  return Object.values(await countDraftsByPerson(ctx)).reduce((a, b) => a + b, 0);
}

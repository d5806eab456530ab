import { z } from 'zod';
import type { ClusterId, IdeaId, ParticipantId } from './ids.ts';

export const ORIGINS = ['person', 'ai'] as const;
/** Who wrote an idea first. An `ai` idea keeps its origin after a person adopts or edits it. */
export type Origin = (typeof ORIGINS)[number];

/**
 * Where an idea sits. AI ideas arrive in the `ai` lane and take part in
 * selection only after a person moves them to the `canvas` (adoption).
 */
export const LANES = ['canvas', 'ai'] as const;
export type Lane = (typeof LANES)[number];

/** Where an AI idea came from: enough to reproduce or distrust it. */
export const ProvenanceSchema = z.object({
  generator: z.string(),
  model: z.string(),
  lens: z.string(),
  promptVersion: z.string(),
  requestId: z.string(),
  requestedBy: z.string(),
  seed: z.number().optional(),
  /** The brief initiative the generator says the idea serves (checked against the brief when written). */
  initiativeId: z.string().optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const NOTE_COLORS = ['#fff3bf', '#d3f9d8', '#d0ebff', '#ffdeeb', '#e5dbff', '#ffe8cc'] as const;
export const DEFAULT_NOTE_COLOR = NOTE_COLORS[0];
export const NOTE_SIZE = { width: 180, height: 120 } as const;
export const MAX_IDEA_TEXT = 2000;

/**
 * A sticky note. Position is in board coordinates (not screen pixels).
 * `clusterId` is derived from where the note was dropped but stored, so a
 * cluster can move its notes without re-hit-testing on every peer.
 */
export interface Idea {
  id: IdeaId;
  text: string;
  x: number;
  y: number;
  color: string;
  authorId: ParticipantId | string;
  authorName: string;
  origin: Origin;
  lane: Lane;
  clusterId: ClusterId | null;
  createdAt: number;
  provenance: Provenance | null;
  adoptedBy: string | null;
  editedBy: string | null;
}

/** What a person supplies when placing a note; everything else starts empty. */
export interface PersonIdeaFields {
  id: IdeaId;
  text: string;
  x: number;
  y: number;
  color?: string;
  author: { id: string; name: string };
  clusterId?: ClusterId | null;
  createdAt: number;
}

/**
 * A person's note as first placed on the canvas: no AI provenance, not
 * adopted, not edited. The one place that says what a new note looks like,
 * for the client, the drafts publisher and test fixtures alike.
 */
export function personIdea(f: PersonIdeaFields): Idea {
  return {
    id: f.id,
    text: f.text,
    x: f.x,
    y: f.y,
    color: f.color ?? DEFAULT_NOTE_COLOR,
    authorId: f.author.id,
    authorName: f.author.name,
    origin: 'person',
    lane: 'canvas',
    clusterId: f.clusterId ?? null,
    createdAt: f.createdAt,
    provenance: null,
    adoptedBy: null,
    editedBy: null,
  };
}

/** A titled frame on the board; notes inside it belong to it and move with it. */
export interface Cluster {
  id: ClusterId;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  createdBy: string;
}

/** True when an idea may be voted on, scored or decided: people's ideas always, AI ideas once adopted. */
export const isSelectable = (idea: Pick<Idea, 'origin' | 'lane'>) => idea.lane === 'canvas';

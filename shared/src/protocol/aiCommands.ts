import { z } from 'zod';
import { MAX_IDEA_TEXT } from '../model/idea.ts';
import { ClusterIdSchema, IdeaIdSchema } from '../model/ids.ts';
import { AI_LIMITS, LensIdSchema } from '../ops/aiIdea.ts';

/** Request ids appear in the board's `aiRequests` map and in provenance. */
export const AiRequestIdSchema = z.string().regex(/^ai_[0-9a-z]{6,40}$/, 'not an AI request id');

const coord = z.number().finite().min(-1_000_000).max(1_000_000);

/**
 * Ask the AI for ideas. Allowed to the facilitator and participants while
 * exploring. Answers at once with `{ requestId }`; the ideas then stream
 * into the board's AI lane and the request's progress into `aiRequests`.
 */
export const GenerateIdeasCommand = z.object({
  type: z.literal('generateIdeas'),
  count: z.number().int().min(1).max(AI_LIMITS.maxIdeasPerRequest).default(10),
  /** One lens, or null/absent to let the generator vary lenses. */
  lens: LensIdSchema.nullable().optional(),
  /** An idea or a cluster to riff on. */
  riff: z
    .union([z.object({ ideaId: IdeaIdSchema }), z.object({ clusterId: ClusterIdSchema })])
    .nullable()
    .optional(),
  /** Reproduce an offline run; ignored by model-backed generators that cannot honour it. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

/** Stop a running generation. Only the person who asked (or the facilitator) may. Ideas already written stay. */
export const CancelGenerationCommand = z.object({
  type: z.literal('cancelGeneration'),
  requestId: AiRequestIdSchema,
});

/**
 * A person takes an AI idea onto the canvas, optionally rewording it and
 * placing it. Only adopted ideas can be voted on, scored or decided.
 */
export const AdoptAiIdeaCommand = z.object({
  type: z.literal('adoptAiIdea'),
  ideaId: IdeaIdSchema,
  text: z.string().trim().min(1).max(MAX_IDEA_TEXT).optional(),
  x: coord.optional(),
  y: coord.optional(),
});

/** Propose groups of similar canvas ideas. Moves nothing: answers with suggestions a person may accept. */
export const SuggestClustersCommand = z.object({
  type: z.literal('suggestClusters'),
  /** Limit to these ideas (a selection); default: every unclustered idea on the canvas. */
  ideaIds: z.array(IdeaIdSchema).max(AI_LIMITS.maxClusterIdeas).optional(),
});

/** Accept one suggestion (as shown, or edited): creates the cluster and moves its ideas into it. */
export const AcceptClusterSuggestionCommand = z.object({
  type: z.literal('acceptClusterSuggestion'),
  title: z.string().trim().min(1).max(80),
  ideaIds: z.array(IdeaIdSchema).min(1).max(AI_LIMITS.maxClusterIdeas),
  x: coord.optional(),
  y: coord.optional(),
});

/** The AI workstream's commands, spread into `COMMAND_SCHEMAS`. */
export const AI_COMMAND_SCHEMAS = [
  GenerateIdeasCommand,
  CancelGenerationCommand,
  AdoptAiIdeaCommand,
  SuggestClustersCommand,
  AcceptClusterSuggestionCommand,
] as const;

import type { Brief, ClusterSuggestion, GeneratedIdea, LensId } from '@throughline/shared';

/** What a generator is asked for. All text comes from the board and brief: generators fence it as data. */
export interface GenerateRequest {
  requestId: string;
  brief: Brief;
  /** Already clamped to `AI_LIMITS.maxIdeasPerRequest`. */
  count: number;
  lens: LensId | null;
  riff: { kind: 'idea' | 'cluster'; title: string; texts: string[] } | null;
  /** Texts of ideas already on the board, not to be repeated. */
  avoid: string[];
  /** Offline runs are reproducible by seed; model runs pass it on where supported. */
  seed: number;
}

/** Why an item the generator produced never became an idea. */
export type RejectReason = 'malformed' | 'too-long' | 'invalid' | 'duplicate';

export interface GenerateHooks {
  /** Called for every item dropped before it reached the caller. */
  rejected?(reason: RejectReason): void;
}

export interface ClusterRequest {
  brief: Brief;
  ideas: { id: string; text: string }[];
}

/**
 * The one interface both generators implement. `generate` yields each idea
 * as soon as it is complete and valid (so the board fills while a model is
 * still writing), ends after at most `count` ideas, throws `AiError` on
 * failure, and stops promptly — aborting any upstream request — when
 * `signal` aborts.
 */
export interface IdeaGenerator {
  /** Recorded as provenance `generator`. */
  readonly name: 'offline' | 'openai';
  /** Recorded as provenance `model`. */
  readonly model: string;
  /** Shown as the author of AI ideas, honest about what produced them. */
  readonly label: string;
  readonly promptVersion: string;
  generate(req: GenerateRequest, signal: AbortSignal, hooks?: GenerateHooks): AsyncIterable<GeneratedIdea>;
  /** Proposes groups of similar ideas. Suggestions only: callers move nothing until a person accepts. */
  suggestClusters(req: ClusterRequest, signal: AbortSignal): Promise<ClusterSuggestion[]>;
}

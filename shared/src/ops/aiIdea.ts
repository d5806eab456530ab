import { z } from 'zod';

/**
 * The named ideation lenses a generator can apply. Each is a well-known
 * facilitation move, so a person reading "lens: inversion" on a note knows
 * how the idea was reached without trusting the AI's judgement.
 */
export const LENSES = {
  scamper: {
    name: 'SCAMPER',
    description: 'Substitute, combine, adapt, modify, put to another use, eliminate or reverse part of the current approach.',
  },
  jobs: {
    name: 'Audience jobs',
    description: 'Start from a job the audience is trying to get done and make that job easier.',
  },
  'constraint-flip': {
    name: 'Constraint flip',
    description: 'Take one constraint and turn it into the thing the idea is built around.',
  },
  inversion: {
    name: 'Inversion',
    description: 'Ask how we would make this worse, then do the opposite.',
  },
  analogy: {
    name: 'Analogy',
    description: 'Borrow how another industry solves a similar problem.',
  },
  'first-step': {
    name: 'First step in a week',
    description: 'Something small enough to try within a week that teaches us something real.',
  },
} as const;
export type LensId = keyof typeof LENSES;
export const LENS_IDS = Object.keys(LENSES) as LensId[];
export const LensIdSchema = z.enum(LENS_IDS as [LensId, ...LensId[]]);
export const isLensId = (s: string): s is LensId => Object.hasOwn(LENSES, s);

/**
 * Bounds on AI output. The generators enforce them on every idea they yield
 * and the server enforces them again before writing, so a misbehaving model
 * can never put more, or longer, text on the board than a person asked for.
 */
export const AI_LIMITS = {
  /** Most ideas one request may ask for. */
  maxIdeasPerRequest: 50,
  /** Longest idea text accepted from a generator; longer ones are rejected, not truncated. */
  maxIdeaChars: 280,
  /** Shortest idea text worth a note. */
  minIdeaChars: 8,
  /** Existing ideas sent to a generator as "do not repeat" context. */
  maxAvoidIdeas: 120,
  /** Ideas sent to the cluster suggester. */
  maxClusterIdeas: 200,
} as const;

/**
 * Idea text as it may appear on a note: one line, no control characters, no
 * list marker or markdown emphasis a model likes to add. Markup is not
 * interpreted anywhere (notes render text), this only keeps it tidy.
 */
export function toPlainText(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .trim();
}

/**
 * One idea as a generator yields it: plain text (never markup) and the lens
 * that produced it. `lens` is a free string because a model may name a lens
 * we do not know; the server records it as provenance, nothing more.
 */
export const GeneratedIdeaSchema = z.object({
  text: z.string().transform(toPlainText).pipe(z.string().min(AI_LIMITS.minIdeaChars).max(AI_LIMITS.maxIdeaChars)),
  lens: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => s || 'open'),
  /** The brief initiative the idea serves, when the generator names one; the server keeps it only if the brief has it. */
  initiativeId: z.string().max(80).optional(),
});
export type GeneratedIdea = z.output<typeof GeneratedIdeaSchema>;

/**
 * Normalises idea text for duplicate detection: case, punctuation and
 * spacing never make two ideas different.
 */
export function normalizeIdeaText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Remembers what has been said so a generator never repeats an existing or
 * already-yielded idea. Two texts count as duplicates when their normalised
 * forms are equal or when their word sets overlap by at least `threshold`
 * (Jaccard), which catches "Run a pilot with IT leads" vs "Run a pilot for
 * IT leads".
 */
export class IdeaDeduper {
  readonly #seen = new Set<string>();
  readonly #wordSets: Set<string>[] = [];
  readonly #threshold: number;

  constructor(existing: Iterable<string> = [], threshold = 0.85) {
    this.#threshold = threshold;
    for (const t of existing) this.add(t);
  }

  has(text: string): boolean {
    const norm = normalizeIdeaText(text);
    if (this.#seen.has(norm)) return true;
    const words = new Set(norm.split(' '));
    for (const other of this.#wordSets) {
      let common = 0;
      for (const w of words) if (other.has(w)) common++;
      const union = words.size + other.size - common;
      if (union > 0 && common / union >= this.#threshold) return true;
    }
    return false;
  }

  add(text: string): void {
    const norm = normalizeIdeaText(text);
    if (this.#seen.has(norm)) return;
    this.#seen.add(norm);
    this.#wordSets.push(new Set(norm.split(' ')));
  }

  /** Adds `text` and returns true when it is new; returns false (and adds nothing) for a duplicate. */
  tryAdd(text: string): boolean {
    if (this.has(text)) return false;
    this.add(text);
    return true;
  }
}

import { AI_LIMITS, type GeneratedIdea, GeneratedIdeaSchema, IdeaDeduper, LENS_IDS, type LensId } from './aiIdea.ts';
import { type BriefForSense, clause, contentWords, firstWords, type InitiativeSense, understandBrief } from './briefSense.ts';
import { brokenConstraint } from './constraintSense.ts';
import { lensMoves, type Move, wordsFrom } from './offlineMoves.ts';

/** What the offline generator needs: the strategic frame and the ask. */
export interface OfflineIdeaInput {
  brief: BriefForSense;
  /** How many ideas to produce; clamped to `AI_LIMITS.maxIdeasPerRequest`. */
  count: number;
  /** One lens, or null to rotate through all of them. */
  lens: LensId | null;
  /** An idea or cluster title to riff on. */
  riff?: string | null;
  /** Ideas already on the board: never repeated. */
  avoid?: readonly string[];
  /** Same seed, same brief, same ask → the same ideas in the same order. */
  seed: number;
}

/** The label shown as the generator and model of offline ideas, so nobody mistakes them for a model's. */
export const OFFLINE_GENERATOR = { id: 'offline', model: 'throughline-lenses-3' } as const;

/**
 * A deterministic, dependency-free idea generator. It reads the brief
 * (`understandBrief`: the audience's short form, the objective's metric,
 * what each constraint rules out, the initiatives), writes with each lens's
 * hand-written moves (`lensMoves`), shuffles them by seed, and drops any
 * candidate that breaks a constraint or repeats an existing or
 * already-produced idea. Lenses take turns, so a batch is varied.
 *
 * Invariants: yields at most `count` ideas; each passes `GeneratedIdeaSchema`;
 * none breaks a constraint the lexicon understands; no two are
 * near-duplicates of each other or of `avoid`; when the brief has
 * initiatives, each idea names the one it serves. It may yield fewer than
 * `count` when the lenses run out of distinct ideas for this brief.
 */
export function* offlineIdeas(input: OfflineIdeaInput): Generator<GeneratedIdea> {
  const count = Math.max(0, Math.min(Math.floor(input.count), AI_LIMITS.maxIdeasPerRequest));
  if (count === 0) return;
  // The brief joins the seed so two briefs asked with the same seed do not open with the same moves.
  const rng = mulberry32((input.seed ^ hashText(input.brief.objective + input.brief.audience)) >>> 0);
  const sense = understandBrief(input.brief);
  const words = wordsFrom(sense, input.riff ? riffPhrase(input.riff) : null);
  const lenses = input.lens ? [input.lens] : shuffle([...LENS_IDS], rng);
  const queues = lenses.map((lens, k) => {
    const all = lensMoves(lens, words);
    // A riff asks for ideas about the riffed text: those lead. Then moves written for an initiative take
    // turns with general ones (half the lenses open with each), so a batch is about the initiatives
    // without reading as one template. Each group is shuffled by seed.
    const lead = all.filter((m) => m.riff);
    const named = shuffle(
      all.filter((m) => !m.riff && m.initiativeId),
      rng,
    );
    const general = shuffle(
      all.filter((m) => !m.riff && !m.initiativeId),
      rng,
    );
    return { lens, items: [...shuffle(lead, rng), ...interleave(k % 2 ? [general, named] : [named, general])] };
  });
  // Words every idea carries (the audience, the metric) say nothing about which initiative it serves.
  const everywhere = contentWords(`${words.aud} ${words.metric} ${words.outcome}`);
  const dedupe = new IdeaDeduper((input.avoid ?? []).slice(0, AI_LIMITS.maxAvoidIdeas * 4), 0.6);
  let produced = 0;
  while (produced < count && queues.some((q) => q.items.length > 0)) {
    for (const q of queues) {
      if (produced >= count) break;
      while (q.items.length > 0) {
        const move = q.items.shift() as Move;
        if (brokenConstraint(move.text, sense.constraints)) continue;
        const initiativeId = move.initiativeId ?? servedInitiative(move.text, sense.initiatives, produced, everywhere);
        const parsed = GeneratedIdeaSchema.safeParse({ text: move.text, lens: q.lens, initiativeId });
        if (!parsed.success || !dedupe.tryAdd(parsed.data.text)) continue;
        produced++;
        yield parsed.data;
        break;
      }
    }
  }
}

/** All of `offlineIdeas` at once. */
export const generateOfflineIdeas = (input: OfflineIdeaInput): GeneratedIdea[] => [...offlineIdeas(input)];

/** The riffed text as it reads inside quotes: its first clause, at most ten words, its own double quotes made single. */
const riffPhrase = (riff: string) => firstWords(clause(riff), 10).replace(/"/g, "'");

/**
 * The initiative an idea serves: the one whose words it shares most, or,
 * when it shares none, the next in turn, so a batch spreads across them.
 */
function servedInitiative(
  text: string,
  initiatives: readonly InitiativeSense[],
  turn: number,
  ignore: ReadonlySet<string>,
): string | undefined {
  if (initiatives.length === 0) return undefined;
  const words = new Set([...contentWords(text)].filter((w) => !ignore.has(w)));
  let best: InitiativeSense | undefined;
  let bestScore = 0;
  for (const i of initiatives) {
    let score = 0;
    for (const k of i.keywords) if (words.has(k)) score++;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return (best ?? initiatives[turn % initiatives.length])?.id;
}

// ---------------------------------------------------------------------------

/** FNV-1a: a stable 32-bit hash of `s`. */
function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A tiny, well-mixed 32-bit PRNG: reproducible across platforms, unlike Math.random. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** a0, b0, a1, b1, …, then the rest of the longer list. */
function interleave<T>([a, b]: [T[], T[]]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i] as T);
    if (i < b.length) out.push(b[i] as T);
  }
  return out;
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

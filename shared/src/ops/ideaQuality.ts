import { IdeaDeduper, normalizeIdeaText } from './aiIdea.ts';
import { type BriefForSense, understandBrief } from './briefSense.ts';
import { brokenConstraint } from './constraintSense.ts';

/**
 * Checks that tell a facilitator's keeper from a template: the quality
 * harness runs them over many briefs and ideas, so a change to the offline
 * lenses can be judged by numbers rather than by eye alone.
 */
export type IdeaProblem = 'length' | 'truncated' | 'pasted' | 'constraint' | 'sentence';

export const IDEA_WORDS = { min: 8, max: 30 } as const;

/** Everything wrong with one idea for this brief; empty when it would pass. */
export function ideaProblems(text: string, brief: BriefForSense, sense = understandBrief(brief)): IdeaProblem[] {
  const problems: IdeaProblem[] = [];
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < IDEA_WORDS.min || words.length > IDEA_WORDS.max) problems.push('length');
  if (isTruncated(text, brief)) problems.push('truncated');
  if (pastesAField(text, brief)) problems.push('pasted');
  if (brokenConstraint(text, sense.constraints)) problems.push('constraint');
  if (!/^[\p{Lu}"]/u.test(text) || !/[.!?]$/.test(text)) problems.push('sentence');
  return problems;
}

/**
 * A phrase cut short: a small word left dangling before punctuation or at the
 * end ("…for our."), unbalanced quotes or brackets, or a number from the brief
 * cut mid-way ("200-2" from "200-2,000").
 */
export function isTruncated(text: string, brief: BriefForSense): boolean {
  // Prepositions may end an English sentence ("what they came for."); articles, possessives and conjunctions never do.
  for (const d of text.match(/\p{L}+\s*[,.;:!?]/gu) ?? []) {
    if (DANGLING.has(d.replace(/[\s,.;:!?]+$/u, '').toLowerCase())) return true;
  }
  if ((text.match(/"/g) ?? []).length % 2 === 1) return true;
  if ((text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length) return true;
  const fields = briefFields(brief).join('\n');
  for (const n of text.match(/\d[\d.,%+–-]*\d|\d/g) ?? []) {
    const at = new RegExp(`(?<![\\d.,])${escapeRe(n)}[,.]?\\d`);
    if (at.test(fields) && !new RegExp(`(?<![\\d.,])${escapeRe(n)}(?![\\d]|[,.]\\d)`).test(fields)) return true;
  }
  return false;
}

/** Whether the idea repeats a whole brief field of seven or more words (initiative titles are named on purpose). */
export function pastesAField(text: string, brief: BriefForSense): boolean {
  const t = normalizeIdeaText(text);
  return [brief.objective, brief.audience, ...brief.constraints].some((f) => {
    const n = normalizeIdeaText(f);
    if (n.split(' ').length < 7) return false;
    // The first seven words of a long field are enough to call it pasted.
    return t.includes(n) || t.includes(n.split(' ').slice(0, 7).join(' '));
  });
}

const DANGLING = new Set('a an the our your their its my and or but nor of with at from by to than'.split(' '));
const briefFields = (b: BriefForSense) => [b.objective, b.audience, ...b.constraints, ...b.initiatives.map((i) => i.title)];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface BatchQuality {
  ideas: number;
  /** Share of ideas with no problem at all. */
  clean: number;
  problems: Record<IdeaProblem, number>;
  /** Distinct after normalisation and near-duplicate removal, as a share of the batch. */
  distinct: number;
  /** Share naming an initiative of the brief (1 when the brief has none). */
  initiativeNamed: number;
  medianWords: number;
  /** Distinct first two words, as a share of the batch: how varied the openings are. */
  openings: number;
}

/** The quality of one batch of ideas for one brief. */
export function assessBatch(ideas: readonly { text: string; initiativeId?: string }[], brief: BriefForSense): BatchQuality {
  const sense = understandBrief(brief);
  const problems: Record<IdeaProblem, number> = { length: 0, truncated: 0, pasted: 0, constraint: 0, sentence: 0 };
  let clean = 0;
  for (const i of ideas) {
    const found = ideaProblems(i.text, brief, sense);
    for (const p of found) problems[p]++;
    if (found.length === 0) clean++;
  }
  const dedupe = new IdeaDeduper([], 0.8);
  const distinct = ideas.filter((i) => dedupe.tryAdd(i.text)).length;
  const ids = new Set(brief.initiatives.map((i) => i.id as string));
  const named = ids.size === 0 ? ideas.length : ideas.filter((i) => i.initiativeId && ids.has(i.initiativeId)).length;
  const lengths = ideas.map((i) => i.text.split(/\s+/).length).sort((a, b) => a - b);
  const openings = new Set(ideas.map((i) => normalizeIdeaText(i.text).split(' ').slice(0, 2).join(' '))).size;
  const share = (n: number) => (ideas.length === 0 ? 0 : n / ideas.length);
  return {
    ideas: ideas.length,
    clean: share(clean),
    problems,
    distinct: share(distinct),
    initiativeNamed: share(named),
    medianWords: lengths[Math.floor(lengths.length / 2)] ?? 0,
    openings: share(openings),
  };
}

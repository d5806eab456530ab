import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** A grapheme cluster of a paragraph, in logical (typed) order. */
export interface Grapheme {
  text: string;
  /** Offset of its first UTF-16 code unit in the paragraph. */
  start: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The paragraph's grapheme clusters: emoji sequences, flags and letters with their marks stay whole. */
export const graphemes = (text: string): Grapheme[] => [...segmenter.segment(text)].map((s) => ({ text: s.segment, start: s.index }));

/**
 * Each grapheme's bidi embedding level (UAX #9, through bidi-js) and whether
 * the paragraph itself is right-to-left (its first strong character decides,
 * so an Arabic note is right-aligned and a Latin one with an Arabic word is not).
 */
export function bidiLevels(text: string, gs: readonly Grapheme[]): { levels: number[]; rtl: boolean } {
  // bidi-js classifies UTF-16 code units, so the two halves of an emoji would count as strong left-to-right
  // letters; standing in for astral characters with U+FFFC (a neutral) lets emoji take their neighbours' direction.
  const r = bidi.getEmbeddingLevels(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '\ufffc\ufffc'), 'auto');
  return { levels: gs.map((g) => r.levels[g.start] ?? 0), rtl: ((r.paragraphs[0]?.level ?? 0) & 1) === 1 };
}

/**
 * UAX #9 rule L2: the visual order of items (indices into `levels`) on one
 * line. From the highest level down to the lowest odd one, every maximal
 * run at or above that level is reversed.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if ((levels[order[i] as number] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (levels[order[j] as number] ?? 0) >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/** A grapheme as drawn at `level`: brackets and similar pairs mirror in right-to-left text (rule L4). */
export const mirrored = (g: string, level: number) => (level % 2 === 1 && g.length === 1 ? (bidi.getMirroredCharacter(g) ?? g) : g);

const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ANY_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * The string to hand pdfkit for a run whose graphemes are already in visual
 * order. fontkit shapes a run (Arabic joining forms come from the logical
 * order) and reverses it itself when the run's first script-bearing character
 * is right-to-left; for such runs we give it the logical order back, for all
 * others the visual order as is.
 */
export function shapingInput(visual: readonly string[]): string {
  const text = visual.join('');
  const first = text.match(ANY_SCRIPT)?.[0];
  return first && RTL_SCRIPT.test(first) ? [...visual].reverse().join('') : text;
}

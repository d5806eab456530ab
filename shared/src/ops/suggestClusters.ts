import { NOTE_SIZE } from '../model/idea.ts';
import { normalizeIdeaText } from './aiIdea.ts';

/**
 * A proposed group: a title and the ideas in it. Only a suggestion: nothing
 * on the board changes until a person accepts it.
 */
export interface ClusterSuggestion {
  title: string;
  ideaIds: string[];
}

export interface SuggestClustersOptions {
  /** Average cosine similarity (TF-IDF) two groups need to merge. */
  minSimilarity?: number;
  /** Largest group proposed; bigger ones are not useful groupings. */
  maxGroupSize?: number;
}

const STOP = new Set(
  'a an the and or but of to in on for with by from at as into over under about than then so that this these those who what when where why how we our us you your they their them it its is are be been was were will would can could should may might must need more most less very just also not no any all each every own same such only other new make get let use using via per one two three'.split(
    ' ',
  ),
);

/** A crude stem so "pilots", "piloting" and "piloted" count as one term. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function terms(text: string): string[] {
  return normalizeIdeaText(text)
    .split(' ')
    .filter((w) => w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w));
}

/**
 * Groups similar ideas by word overlap, offline and deterministically:
 * TF-IDF vectors, cosine similarity, then average-linkage merging while the
 * closest pair of groups is at least `minSimilarity` alike. Each group of
 * two or more gets a title from its most characteristic words.
 *
 * Invariants: every id appears in at most one suggestion; each suggestion
 * has at least two ideas; the same input gives the same output.
 */
export function suggestClusters(ideas: readonly { id: string; text: string }[], opts: SuggestClustersOptions = {}): ClusterSuggestion[] {
  const minSim = opts.minSimilarity ?? 0.12;
  const maxSize = opts.maxGroupSize ?? 12;
  const docs = ideas.map((i) => terms(i.text));
  const surface = new Map<string, Map<string, number>>();
  const stems = docs.map((ws) =>
    ws.map((w) => {
      const s = stem(w);
      const forms = surface.get(s) ?? new Map<string, number>();
      forms.set(w, (forms.get(w) ?? 0) + 1);
      surface.set(s, forms);
      return s;
    }),
  );
  const df = new Map<string, number>();
  for (const ws of stems) for (const s of new Set(ws)) df.set(s, (df.get(s) ?? 0) + 1);
  const n = ideas.length;
  const vectors = stems.map((ws) => {
    const v = new Map<string, number>();
    for (const s of ws) v.set(s, (v.get(s) ?? 0) + 1);
    let norm = 0;
    for (const [s, tf] of v) {
      const w = tf * Math.log(1 + n / (df.get(s) ?? 1));
      v.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of v) v.set(s, w / norm);
    return v;
  });
  const cos = (a: Map<string, number>, b: Map<string, number>) => {
    const [small, big] = a.size < b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [s, w] of small) dot += w * (big.get(s) ?? 0);
    return dot;
  };
  const sim: number[][] = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 1 : cos(a, b))));

  // Average-linkage agglomeration. Groups hold indices in input order.
  let groups: number[][] = ideas.map((_, i) => [i]);
  const linkage = (g: number[], h: number[]) => {
    let total = 0;
    for (const i of g) for (const j of h) total += (sim[i] as number[])[j] as number;
    return total / (g.length * h.length);
  };
  for (;;) {
    let best = minSim;
    let pair: [number, number] | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a] as number[];
        const gb = groups[b] as number[];
        if (ga.length + gb.length > maxSize) continue;
        const s = linkage(ga, gb);
        if (s > best) {
          best = s;
          pair = [a, b];
        }
      }
    }
    if (!pair) break;
    const [a, b] = pair;
    const merged = [...(groups[a] as number[]), ...(groups[b] as number[])].sort((x, y) => x - y);
    groups = groups.filter((_, k) => k !== a && k !== b);
    groups.push(merged);
  }

  return groups
    .filter((g) => g.length >= 2)
    .sort((g, h) => h.length - g.length || (g[0] as number) - (h[0] as number))
    .map((g) => ({ title: titleFor(g, vectors, surface), ideaIds: g.map((i) => (ideas[i] as { id: string }).id) }));
}

/** The group's two heaviest shared terms, in their commonest spelling: "Pilot & onboarding". */
function titleFor(group: number[], vectors: Map<string, number>[], surface: Map<string, Map<string, number>>): string {
  const weight = new Map<string, { sum: number; docs: number }>();
  for (const i of group) {
    for (const [s, w] of vectors[i] as Map<string, number>) {
      const cur = weight.get(s) ?? { sum: 0, docs: 0 };
      cur.sum += w;
      cur.docs += 1;
      weight.set(s, cur);
    }
  }
  const ranked = [...weight.entries()]
    .filter(([, v]) => v.docs >= 2)
    .sort((a, b) => b[1].docs - a[1].docs || b[1].sum - a[1].sum || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([s]) => {
      const forms = [...(surface.get(s) ?? new Map<string, number>()).entries()];
      forms.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return forms[0]?.[0] ?? s;
    });
  if (ranked.length === 0) return 'Related ideas';
  const title = ranked.join(' & ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** Where a cluster frame and its notes go when a suggestion is accepted. */
export interface ClusterLayout {
  frame: { x: number; y: number; width: number; height: number };
  /** One position per idea, in the order given. */
  positions: { x: number; y: number }[];
}

const GAP = 20;
const HEADER = 48;

/**
 * A tidy grid for `count` notes inside a new frame whose top-left corner is
 * at (x, y): roughly square, notes never overlapping each other or the
 * frame's title bar.
 */
export function layoutCluster(count: number, x: number, y: number): ClusterLayout {
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const positions = Array.from({ length: count }, (_, i) => ({
    x: x + GAP + (i % cols) * (NOTE_SIZE.width + GAP),
    y: y + HEADER + Math.floor(i / cols) * (NOTE_SIZE.height + GAP),
  }));
  return {
    frame: {
      x,
      y,
      width: GAP + cols * (NOTE_SIZE.width + GAP),
      height: HEADER + rows * (NOTE_SIZE.height + GAP),
    },
    positions,
  };
}

import { describe, expect, it } from 'vitest';
import { AI_LIMITS, IdeaDeduper, LENS_IDS, normalizeIdeaText } from './aiIdea.ts';
import { generateOfflineIdeas, type OfflineIdeaInput } from './aiOfflineIdeas.ts';

const brief: OfflineIdeaInput['brief'] = {
  objective: 'Win consideration among enterprise buyers who need governance',
  audience: 'IT leads at mid-size companies',
  constraints: ['No paid advertising this quarter', 'Launch before the March conference'],
  initiatives: [{ id: 'init:1', title: 'Governance story', description: '' } as OfflineIdeaInput['brief']['initiatives'][number]],
};

const ask = (over: Partial<OfflineIdeaInput> = {}): OfflineIdeaInput => ({ brief, count: 12, lens: null, seed: 1, ...over });

/** Grounded: names the audience or a content word of the objective. */
const grounded = (text: string) => {
  const t = text.toLowerCase();
  return t.includes('it leads') || ['consideration', 'governance', 'enterprise'].some((w) => t.includes(w));
};

describe('offline idea generator', () => {
  it('gives the same ideas for the same seed and different ones for another seed', () => {
    const a = generateOfflineIdeas(ask({ seed: 7 }));
    const b = generateOfflineIdeas(ask({ seed: 7 }));
    const c = generateOfflineIdeas(ask({ seed: 8 }));
    expect(a).toEqual(b);
    expect(c.map((i) => i.text)).not.toEqual(a.map((i) => i.text));
  });

  it.each(LENS_IDS)('lens %s produces several grounded, bounded ideas labelled with that lens', (lens) => {
    const ideas = generateOfflineIdeas(ask({ lens, count: 10 }));
    expect(ideas.length).toBeGreaterThanOrEqual(8);
    for (const idea of ideas) {
      expect(idea.lens).toBe(lens);
      expect(grounded(idea.text), idea.text).toBe(true);
      expect(idea.text.length).toBeLessThanOrEqual(AI_LIMITS.maxIdeaChars);
      expect(idea.text).not.toMatch(/[<>{}]|undefined|null|%[apf]/);
    }
  });

  it('rotates through every lens when none is chosen', () => {
    const ideas = generateOfflineIdeas(ask({ count: 12 }));
    expect(new Set(ideas.map((i) => i.lens))).toEqual(new Set(LENS_IDS));
  });

  it('never repeats itself or an idea already on the board', () => {
    const first = generateOfflineIdeas(ask({ count: 50, seed: 3 }));
    expect(first).toHaveLength(50);
    const norms = first.map((i) => normalizeIdeaText(i.text));
    expect(new Set(norms).size).toBe(50);
    const d = new IdeaDeduper([], 0.7);
    for (const i of first) expect(d.tryAdd(i.text), i.text).toBe(true);

    const onBoard = first.slice(0, 10).map((i) => i.text.toUpperCase());
    const again = generateOfflineIdeas(ask({ count: 20, seed: 3, avoid: onBoard }));
    const avoided = new Set(onBoard.map(normalizeIdeaText));
    for (const i of again) expect(avoided.has(normalizeIdeaText(i.text))).toBe(false);
  });

  it('respects the count and the per-request cap', () => {
    expect(generateOfflineIdeas(ask({ count: 3 }))).toHaveLength(3);
    expect(generateOfflineIdeas(ask({ count: 0 }))).toHaveLength(0);
    expect(generateOfflineIdeas(ask({ count: 500 })).length).toBeLessThanOrEqual(AI_LIMITS.maxIdeasPerRequest);
  });

  it('riffs on a seed idea by naming it', () => {
    const ideas = generateOfflineIdeas(ask({ count: 5, riff: 'Governance scorecard for buyers' }));
    expect(ideas).toHaveLength(5);
    for (const i of ideas) expect(i.text).toContain('Governance scorecard for buyers');
  });

  it('keeps long brief fields short enough for a note', () => {
    const long = {
      ...brief,
      objective: `Become the obvious choice for regional hospital procurement teams, ${'who juggle many suppliers, '.repeat(15)}`,
      audience: `Procurement managers ${'in regional hospitals and clinics '.repeat(8)}`,
      constraints: ['x'.repeat(250)],
    };
    const ideas = generateOfflineIdeas({ brief: long, count: 30, lens: null, seed: 5 });
    expect(ideas.length).toBe(30);
    for (const i of ideas) expect(i.text.length).toBeLessThanOrEqual(AI_LIMITS.maxIdeaChars);
  });
});

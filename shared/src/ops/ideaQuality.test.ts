import { describe, expect, it } from 'vitest';
import { assessBatch, ideaProblems } from './ideaQuality.ts';
import { SAMPLE_BRIEFS } from './sampleBriefs.fixture.ts';

const [invoicing, enterprise] = SAMPLE_BRIEFS as [(typeof SAMPLE_BRIEFS)[number], (typeof SAMPLE_BRIEFS)[number]];

/** Ideas the first offline generator wrote for these briefs: each check must catch its own fault. */
describe('ideaProblems catches what the template generator got wrong', () => {
  it('a number cut mid-way from the audience', () => {
    expect(
      ideaProblems('Minify: cut the onboarding checklist down to one page IT and security leads at 200-2 can read.', enterprise),
    ).toContain('truncated');
  });

  it('the objective pasted back', () => {
    expect(
      ideaProblems(
        'Borrow from sports clubs: a league where owners compare progress, to help us increase 90-day retention of new self-serve customers from 38% to 50%.',
        invoicing,
      ),
    ).toContain('pasted');
  });

  it('a proposal the constraints rule out', () => {
    expect(ideaProblems('Launch a paid social campaign for small-business owners in their first month.', invoicing)).toContain(
      'constraint',
    );
  });

  it('a phrase that stops on a small word, a fragment, and a run-on', () => {
    expect(ideaProblems('Send small-business owners a note about the.', invoicing)).toContain('truncated');
    expect(ideaProblems('Swap the checklist', invoicing)).toEqual(expect.arrayContaining(['length', 'sentence']));
    expect(ideaProblems(`Send ${'a short and useful note '.repeat(8)}to owners.`, invoicing)).toContain('length');
  });

  it('passes a plain, concrete idea', () => {
    expect(
      ideaProblems('By Friday, call three small-business owners who stopped invoicing and ask what got in the way.', invoicing),
    ).toEqual([]);
  });
});

describe('assessBatch', () => {
  it('counts near-duplicates, initiatives and openings', () => {
    const a = 'By Friday, call three small-business owners who stopped invoicing and ask what got in the way.';
    const q = assessBatch(
      [
        { text: a, initiativeId: 'init:1' },
        { text: a.replace('three', 'four'), initiativeId: 'init:2' },
        { text: 'Pair new small-business owners with ones who already succeed, for a fifteen-minute chat.' },
      ],
      invoicing,
    );
    expect(q.ideas).toBe(3);
    expect(q.distinct).toBeCloseTo(2 / 3);
    expect(q.initiativeNamed).toBeCloseTo(2 / 3);
    expect(q.openings).toBeCloseTo(2 / 3);
    expect(q.clean).toBe(1);
  });
});

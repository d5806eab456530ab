import { describe, expect, it } from 'vitest';
import { checkBrief, countTacticClauses } from './checkBrief.ts';

const strong = {
  objective: 'Win consideration among enterprise buyers who need governance',
  audience: 'IT leads at 500+ person companies',
  constraints: ['No paid media before Q3'],
  decisionRule: {
    rule: 'Prefer ideas that move consideration cheaply',
    criteria: [{ name: 'Fit', description: 'Moves enterprise consideration', weight: 3 }],
  },
  successMetrics: [{ name: 'Share of enterprise shortlists', target: '30%' }],
  horizon: 'H1 2027',
};
const codes = (b: object) => checkBrief(b).map((w) => w.code);

describe('checkBrief', () => {
  it('accepts a strong brief without warnings', () => {
    expect(checkBrief(strong)).toEqual([]);
  });

  it('flags a slogan as a vague objective, with a concrete suggestion', () => {
    const [w] = checkBrief({ ...strong, objective: 'grow awareness' });
    expect(w?.code).toBe('objective-vague');
    expect(w?.field).toBe('objective');
    expect(w?.suggestion).toMatch(/Win consideration/);
  });

  it('counts Chinese and Japanese words by characters and matches vague phrases as whole words', () => {
    expect(codes({ ...strong, objective: '提高知名度' })).toContain('objective-vague');
    expect(codes({ ...strong, objective: 'ガバナンスを重視する大企業の購買担当者の検討候補に入る' })).toEqual([]);
    expect(codes({ ...strong, objective: 'Optimiser les tournées de livraison des boulangeries lyonnaises' })).toEqual([]);
    expect(codes({ ...strong, objective: 'maximise our reach and grow the business' })).toContain('objective-vague');
  });

  it('flags a list of tactics posing as strategy', () => {
    const ws = checkBrief({ ...strong, objective: 'launch a webinar, test paid search and publish comparison pages' });
    expect(ws[0]?.code).toBe('objective-tactics');
    expect(ws[0]?.message).toMatch(/3 tactics/);
  });

  it('flags a decision rule with no criteria and missing constraints', () => {
    const c = codes({ ...strong, decisionRule: { rule: 'x', criteria: [] }, constraints: [] });
    expect(c).toContain('criteria-missing');
    expect(c).toContain('constraints-missing');
  });

  it('flags everything missing on an empty brief without throwing', () => {
    expect(codes({})).toEqual(
      expect.arrayContaining(['constraints-missing', 'rule-missing', 'criteria-missing', 'metrics-missing', 'horizon-missing']),
    );
  });

  it('tells a tactical milestone apart from a strategic metric', () => {
    expect(codes({ ...strong, successMetrics: [{ name: 'publish 3 blog posts', target: '' }] })).toContain('metric-tactical');
  });

  it('flags an audience of everyone', () => {
    expect(codes({ ...strong, audience: 'everyone' })).toContain('audience-vague');
  });

  it('counts tactic clauses', () => {
    expect(countTacticClauses('launch a webinar, test paid search and publish pages')).toBe(3);
    expect(countTacticClauses('Win consideration among enterprise buyers')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { NOTE_SIZE } from '../model/idea.ts';
import { layoutCluster, suggestClusters } from './suggestClusters.ts';

const ideas = [
  { id: 'idea:1', text: 'Run a pilot with three IT leads' },
  { id: 'idea:2', text: 'Webinar on data governance rules' },
  { id: 'idea:3', text: 'Free pilot programme for IT teams' },
  { id: 'idea:4', text: 'Governance checklist download' },
  { id: 'idea:5', text: 'Pilots: offer a 30 day pilot' },
  { id: 'idea:6', text: 'Publish our governance checklist openly' },
  { id: 'idea:7', text: 'Sponsor a jazz festival' },
];

describe('suggestClusters (offline)', () => {
  it('groups ideas that share words and titles each group by them', () => {
    const s = suggestClusters(ideas);
    const pilot = s.find((g) => g.ideaIds.includes('idea:1'));
    const gov = s.find((g) => g.ideaIds.includes('idea:4'));
    expect(pilot?.ideaIds).toEqual(expect.arrayContaining(['idea:1', 'idea:3', 'idea:5']));
    expect(pilot?.title.toLowerCase()).toContain('pilot');
    expect(gov?.ideaIds).toEqual(expect.arrayContaining(['idea:4', 'idea:6']));
    expect(gov?.title.toLowerCase()).toContain('governance');
    expect(pilot).not.toBe(gov);
  });

  it('leaves an unrelated idea out and never puts an idea in two groups', () => {
    const s = suggestClusters(ideas);
    const all = s.flatMap((g) => g.ideaIds);
    expect(all).not.toContain('idea:7');
    expect(new Set(all).size).toBe(all.length);
    for (const g of s) expect(g.ideaIds.length).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic and handles nothing to group', () => {
    expect(suggestClusters(ideas)).toEqual(suggestClusters(ideas));
    expect(suggestClusters([])).toEqual([]);
    expect(
      suggestClusters([
        { id: 'idea:a', text: 'alpha' },
        { id: 'idea:b', text: 'omega' },
      ]),
    ).toEqual([]);
  });
});

describe('layoutCluster', () => {
  it('fits every note inside the frame without overlaps', () => {
    const { frame, positions } = layoutCluster(5, 100, 50);
    expect(positions).toHaveLength(5);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(frame.x);
      expect(p.y).toBeGreaterThan(frame.y);
      expect(p.x + NOTE_SIZE.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(p.y + NOTE_SIZE.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
    for (const a of positions)
      for (const b of positions)
        if (a !== b) expect(Math.abs(a.x - b.x) >= NOTE_SIZE.width || Math.abs(a.y - b.y) >= NOTE_SIZE.height).toBe(true);
  });
});

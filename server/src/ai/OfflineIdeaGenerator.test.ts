import { parseBrief } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from './IdeaGenerator.ts';
import { OfflineIdeaGenerator } from './OfflineIdeaGenerator.ts';

const parsed = parseBrief({
  objective: 'Increase 90-day retention of new self-serve customers',
  audience: 'Small-business owners who signed up in the last 90 days',
  constraints: ['No paid media before Q3'],
  initiatives: [{ title: 'Onboarding that gets the first invoice paid' }],
});
if (!parsed.ok) throw new Error('bad brief');
const req: GenerateRequest = { requestId: 'ai_x', brief: parsed.value, count: 6, lens: null, riff: null, avoid: [], seed: 9 };

describe('OfflineIdeaGenerator', () => {
  it('streams ideas one by one at about a model’s pace, not all at once', async () => {
    const gen = new OfflineIdeaGenerator(150);
    const arrivals: number[] = [];
    const start = performance.now();
    for await (const _ of gen.generate(req, new AbortController().signal)) arrivals.push(performance.now() - start);
    expect(arrivals).toHaveLength(6);
    // Each wait is 100–200 ms; timers never fire early, so a busy machine only widens the gaps.
    const gaps = arrivals.map((t, i) => t - (arrivals[i - 1] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
  });

  it('stops waiting the moment it is cancelled, keeping what arrived', async () => {
    const gen = new OfflineIdeaGenerator(10_000);
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const i of gen.generate(req, ctrl.signal)) got.push(i.text);
      })(),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(got).toEqual([]);
  });

  it('with no pace yields the same ideas as the pure generator, each naming the initiative', async () => {
    const ideas = [];
    for await (const i of new OfflineIdeaGenerator(0).generate(req, new AbortController().signal)) ideas.push(i);
    expect(ideas).toHaveLength(6);
    for (const i of ideas) expect(i.initiativeId).toBe(parsed.value.initiatives[0]?.id);
  });
});

import { describe, expect, it } from 'vitest';
import { AiObjectStream, type StreamedObject } from './aiObjectStream.ts';

/** Feeds `text` in chunks of `size` characters and collects every object, in order. */
function feed(text: string, size: number, max = 500): { items: StreamedObject[]; stray: number; firstAt: number } {
  const s = new AiObjectStream({ maxObjectChars: max });
  const items: StreamedObject[] = [];
  let firstAt = -1;
  for (let i = 0; i < text.length; i += size) {
    const got = s.push(text.slice(i, i + size));
    if (got.length > 0 && firstAt < 0) firstAt = i + size;
    items.push(...got);
  }
  items.push(...s.end());
  return { items, stray: s.strayChars, firstAt };
}
const values = (items: StreamedObject[]) => items.filter((i) => i.ok).map((i) => (i as { value: unknown }).value);

describe('AiObjectStream', () => {
  const a = { text: 'Ask five IT leads {what} "matters"', lens: 'jobs' };
  const b = { text: 'Borrow from hotels: a concierge', lens: 'analogy' };

  it.each([1, 3, 7, 1000])('yields newline-delimited objects whatever the chunking (chunk %i)', (size) => {
    const { items, stray } = feed(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`, size);
    expect(values(items)).toEqual([a, b]);
    expect(stray).toBe(0);
  });

  it('yields each object before the reply ends', () => {
    const text = `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`;
    const { firstAt } = feed(text, 5);
    expect(firstAt).toBeGreaterThan(0);
    expect(firstAt).toBeLessThan(text.length);
  });

  it('reads the items of a wrapped array inside a code fence, not the wrapper', () => {
    const text = `Sure! Here you go:\n\`\`\`json\n${JSON.stringify({ ideas: [a, b] })}\n\`\`\``;
    const { items, stray } = feed(text, 4);
    expect(values(items)).toEqual([a, b]);
    expect(stray).toBeGreaterThan(10);
  });

  it('reports malformed objects and a truncated tail without losing the good ones', () => {
    const text = `${JSON.stringify(a)}\n{text: 'single quotes'}\n${JSON.stringify(b)}\n{"text": "cut off mid`;
    const { items } = feed(text, 6);
    expect(values(items)).toEqual([a, b]);
    expect(items.filter((i) => !i.ok).map((i) => !i.ok && i.reason)).toEqual(['malformed', 'malformed']);
  });

  it('skips an over-long object once and carries on', () => {
    const long = { text: 'x'.repeat(2000), lens: 'jobs' };
    const { items } = feed(`${JSON.stringify(long)}\n${JSON.stringify(b)}\n`, 64, 300);
    expect(items.map((i) => (i.ok ? 'ok' : i.reason))).toEqual(['too-long', 'ok']);
    expect(values(items)).toEqual([b]);
  });
});

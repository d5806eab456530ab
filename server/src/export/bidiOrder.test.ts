import { describe, expect, it } from 'vitest';
import { bidiLevels, graphemes, mirrored, shapingInput, visualOrder } from './bidiOrder.ts';

/** The paragraph as it reads on the page, left to right, grapheme by grapheme. */
function visual(text: string): string {
  const gs = graphemes(text);
  const { levels } = bidiLevels(text, gs);
  return visualOrder(levels)
    .map((i) => mirrored(gs[i]?.text ?? '', levels[i] ?? 0))
    .join('');
}

describe('bidi order for the PDF', () => {
  it('reverses a right-to-left paragraph and keeps numbers and Latin words left to right inside it', () => {
    expect(bidiLevels('שלום עולם', graphemes('שלום עולם')).rtl).toBe(true);
    expect(visual('שלום עולם')).toBe('םלוע םולש');
    expect(visual('להגדיל ב־20% השנה')).toBe('הנשה 20%־ב לידגהל');
    expect(visual('מוצר Throughline חדש')).toBe('שדח Throughline רצומ');
  });

  it('leaves a left-to-right paragraph in order, reversing only its Arabic words', () => {
    const text = 'Plan: زيادة المبيعات now';
    expect(bidiLevels(text, graphemes(text)).rtl).toBe(false);
    expect(visual(text)).toBe('Plan: تاعيبملا ةدايز now');
  });

  it('mirrors brackets in right-to-left text', () => {
    expect(visual('(שלום)')).toBe('(םולש)');
    expect(mirrored('(', 1)).toBe(')');
    expect(mirrored('(', 0)).toBe('(');
  });

  it('keeps emoji sequences and flags whole when it reverses', () => {
    expect(graphemes('👩🏽‍💻🇪🇺').map((g) => g.text)).toEqual(['👩🏽‍💻', '🇪🇺']);
    expect(visual('שלום 👩🏽‍💻🇪🇺')).toBe('🇪🇺👩🏽‍💻 םולש');
  });

  it('gives fontkit right-to-left runs in logical order, which it shapes and reverses itself', () => {
    expect(shapingInput(['ة', 'د', 'ا', 'ي', 'ز'])).toBe('زيادة');
    expect(shapingInput(['a', 'b'])).toBe('ab');
    expect(shapingInput([' ', '.'])).toBe(' .');
  });
});

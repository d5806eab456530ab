/**
 * Sticky notes keep one size, so long text shrinks instead of overflowing,
 * as Miro's stickies do. Steps rather than a smooth curve keep notes on a
 * board visually consistent.
 */
export function noteFontSize(text: string): number {
  const n = text.length;
  if (n <= 40) return 18;
  if (n <= 90) return 15;
  if (n <= 160) return 13;
  return 11;
}

export const NOTE_PADDING = 12;
export const NOTE_FOOTER = 18;
export const NOTE_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

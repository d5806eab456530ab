/** Relative luminance of a `#rrggbb` colour (WCAG 2.1). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * White or black, whichever contrasts more with `background`: participant
 * colours range from dark to mid-tones, and initials on them must stay
 * legible. The better of the two always reaches √21 ≈ 4.6:1, above the
 * 4.5:1 WCAG AA asks of small text.
 */
export function readableInk(background: string): string {
  const l = luminance(background);
  const withWhite = 1.05 / (l + 0.05);
  const withBlack = (l + 0.05) / 0.05;
  return withWhite >= withBlack ? '#ffffff' : '#000000';
}

import { existsSync } from 'node:fs';

/**
 * Fonts with wide Unicode coverage (accents, dashes, arrows, Cyrillic…),
 * looked for where Debian and most Linux images put them. pdfkit's built-in
 * Helvetica only encodes WinAnsi, so without these some user text would
 * print as gibberish; with it as a fallback the PDF still always renders.
 */
const FONT_CANDIDATES = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  },
];

/** Registers the `regular` and `bold` fonts every PDF writer draws with: the first installed candidate, else Helvetica. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  const fonts = FONT_CANDIDATES.find((f) => existsSync(f.regular) && existsSync(f.bold));
  doc.registerFont('regular', fonts?.regular ?? 'Helvetica');
  doc.registerFont('bold', fonts?.bold ?? 'Helvetica-Bold');
}

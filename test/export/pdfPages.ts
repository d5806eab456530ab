import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfPage {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white: 0 for a blank page. */
  ink: number;
}

/** Renders every page with poppler's `pdftoppm` (grey PGM, 40 dpi) and measures how much is printed on each. */
export function renderPdfPages(pdf: Uint8Array): PdfPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-'));
  try {
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '40', join(dir, 'plan.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readPgm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PGM (P5): a text header `P5 <w> <h> <max>` then one byte per pixel. */
function readPgm(buf: Buffer): PdfPage {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not a binary PGM');
  const [width, height] = [Number(m[1]), Number(m[2])];
  const pixels = buf.subarray(m[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return { width, height, ink: dark / (width * height) };
}

/** The PDF's text as poppler extracts it (what a screen reader or a search finds). */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-'));
  try {
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'plan.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders one page as a PNG file (poppler's `pdftoppm`, 100 dpi), for a person to look at. */
export function renderPdfPagePng(pdf: Uint8Array, page: number, file: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-pdf-'));
  try {
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '100',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      join(dir, 'plan.pdf'),
      join(dir, 'page'),
    ]);
    const png = readFileSync(join(dir, 'page.png'));
    writeFileSync(file, png);
    return png;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

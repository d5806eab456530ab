import { bidiLevels, type Grapheme, graphemes, mirrored, shapingInput, visualOrder } from './bidiOrder.ts';
import { faceFor, LATIN_METRICS } from './pdfFonts.ts';

/** A stretch of text in one style; a paragraph is a list of them (e.g. a bold label, then its value). */
export interface Span {
  text: string;
  bold?: boolean;
  color?: string;
  /** Font size in points; the paragraph's size when absent. */
  size?: number;
}

export interface ParagraphBox {
  x: number;
  width: number;
  size: number;
  color: string;
  /** Centred lines (footers); otherwise lines follow the paragraph's direction. */
  align?: 'center';
}

interface Piece {
  g: Grapheme;
  span: Span;
  face: string;
  size: number;
  level: number;
  space: boolean;
}

interface Line {
  pieces: Piece[];
  height: number;
  ascent: number;
}

/** Line height as a multiple of the largest font size on the line (Noto Sans' own ascent, descent and gap). */
const LINE_HEIGHT = (LATIN_METRICS.ascent - LATIN_METRICS.descent + LATIN_METRICS.lineGap) / LATIN_METRICS.unitsPerEm;
const ASCENT = LATIN_METRICS.ascent / LATIN_METRICS.unitsPerEm;

/** Scripts written without spaces (a line may break between any two of their characters) and emoji. */
const BREAK_AROUND = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}]/u;

function pieces(spans: readonly Span[], box: ParagraphBox): { pieces: Piece[]; rtl: boolean } {
  const text = spans.map((s) => s.text).join('');
  const gs = graphemes(text);
  const { levels, rtl } = bidiLevels(text, gs);
  const spanAt: Span[] = spans.flatMap((s) => Array.from({ length: s.text.length }, () => s));
  return {
    rtl,
    pieces: gs.map((g, i) => {
      const span = spanAt[g.start] as Span;
      return {
        g,
        span,
        face: faceFor(g.text, !!span.bold),
        size: span.size ?? box.size,
        level: levels[i] ?? 0,
        space: /^\s+$/.test(g.text),
      };
    }),
  };
}

/** Measured run widths per document: headings and steps are measured to keep them together, then drawn. */
const widths = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

function runWidth(doc: PDFKit.PDFDocument, face: string, size: number, text: string): number {
  let cache = widths.get(doc);
  if (!cache) {
    cache = new Map();
    widths.set(doc, cache);
  }
  const key = `${face}\u0000${size}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    w = doc.font(face).fontSize(size).widthOfString(text);
    cache.set(key, w);
  }
  return w;
}

/** Width of pieces in logical order, measured per run of one face and size so kerning and Arabic shaping count. */
function width(doc: PDFKit.PDFDocument, ps: readonly Piece[]): number {
  let w = 0;
  for (let i = 0; i < ps.length; ) {
    const first = ps[i] as Piece;
    let j = i;
    let s = '';
    while (j < ps.length && (ps[j] as Piece).face === first.face && (ps[j] as Piece).size === first.size) s += (ps[j++] as Piece).g.text;
    w += runWidth(doc, first.face, first.size, s);
    i = j;
  }
  return w;
}

/** Chunks that a line may not break inside: words, single spaces, single CJK characters or emoji. */
function chunks(ps: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [];
  let word: Piece[] = [];
  const flush = () => {
    if (word.length) out.push(word);
    word = [];
  };
  for (const p of ps) {
    if (p.space || BREAK_AROUND.test(p.g.text)) {
      flush();
      out.push([p]);
    } else word.push(p);
  }
  flush();
  return out;
}

/** Greedy line filling; a chunk longer than a whole line (a URL, a 2,000-letter word) is cut between graphemes. */
function breakLines(doc: PDFKit.PDFDocument, ps: readonly Piece[], max: number): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  const push = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const chunk of chunks(ps)) {
    const w = width(doc, chunk);
    const isSpace = chunk.length === 1 && (chunk[0] as Piece).space;
    if (used + w <= max || isSpace) {
      line.push(...chunk);
      used += w;
      continue;
    }
    if (line.length) push();
    if (w <= max) {
      line.push(...chunk);
      used = w;
      continue;
    }
    for (const p of chunk) {
      const pw = width(doc, [p]);
      if (used + pw > max && line.length) push();
      line.push(p);
      used += pw;
    }
  }
  if (line.length || lines.length === 0) lines.push(line);
  return lines;
}

function layout(doc: PDFKit.PDFDocument, spans: readonly Span[], box: ParagraphBox): { lines: Line[]; rtl: boolean } {
  const { pieces: ps, rtl } = pieces(spans, box);
  const lines = breakLines(doc, ps, box.width).map((line) => {
    const size = Math.max(box.size, ...line.map((p) => p.size));
    return { pieces: line, height: size * LINE_HEIGHT, ascent: size * ASCENT };
  });
  return { lines, rtl };
}

/** The height a paragraph will take, for keeping blocks together. */
export function paragraphHeight(doc: PDFKit.PDFDocument, spans: readonly Span[], box: ParagraphBox): number {
  return layout(doc, spans, box).lines.reduce((h, l) => h + l.height, 0);
}

/**
 * Draws a paragraph at `doc.y`: wrapped to `box.width`, each line in visual
 * order (UAX #9 through bidi-js, right-aligned when the paragraph is
 * right-to-left), each grapheme in the first face that has it, all on one
 * alphabetic baseline. `newPage(height)` is asked for room before each line;
 * for the last one, `keepTail` more, so a heading's last line stays with what follows.
 */
export function drawParagraph(
  doc: PDFKit.PDFDocument,
  spans: readonly Span[],
  box: ParagraphBox,
  newPage: (height: number) => void,
  keepTail = 0,
): void {
  const { lines, rtl } = layout(doc, spans, box);
  for (const [n, line] of lines.entries()) {
    newPage(line.height + (n === lines.length - 1 ? keepTail : 0));
    // Rule L1: spaces at the end of a line take the paragraph's direction; they are left out of the
    // ordering and the alignment, and drawn (invisibly) after a left-to-right line so text extraction
    // and screen readers keep the word boundary at the line break.
    let end = line.pieces.length;
    while (end > 0 && (line.pieces[end - 1] as Piece).space) end--;
    const shown = line.pieces.slice(0, end);
    const order = visualOrder(shown.map((p) => p.level));
    const visual = order.map((i) => shown[i] as Piece);
    const baseline = doc.y + line.ascent;
    const used = width(doc, shown);
    let x = box.align === 'center' ? box.x + (box.width - used) / 2 : rtl ? box.x + box.width - used : box.x;
    for (let i = 0; i < visual.length; ) {
      const first = visual[i] as Piece;
      const run: string[] = [];
      let j = i;
      while (j < visual.length) {
        const p = visual[j] as Piece;
        if (p.face !== first.face || p.span !== first.span || p.level % 2 !== first.level % 2) break;
        run.push(mirrored(p.g.text, p.level));
        j++;
      }
      const input = shapingInput(run);
      doc
        .font(first.face)
        .fontSize(first.size)
        .fillColor(first.span.color ?? box.color);
      doc.text(input, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(input);
      i = j;
    }
    const trailing = line.pieces.slice(end);
    if (trailing.length && !rtl && box.align !== 'center') {
      doc.font((trailing[0] as Piece).face).fontSize((trailing[0] as Piece).size);
      doc.text(trailing.map((p) => p.g.text).join(''), x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
    doc.x = box.x;
    doc.y = baseline - line.ascent + line.height;
  }
}

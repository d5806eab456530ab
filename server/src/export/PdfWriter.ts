import PDFDocument from 'pdfkit';
import { registerPdfFonts } from './pdfFonts.ts';
import { drawParagraph, type ParagraphBox, paragraphHeight, type Span } from './pdfParagraph.ts';

export type { Span } from './pdfParagraph.ts';

export const PDF_COLORS = {
  text: '#212529',
  muted: '#5c636a',
  rule: '#ced4da',
  intention: '#b35c00',
  tactic: '#2b8a3e',
  work: { tactical: '#1971c2', operational: '#0c8599', strategic: '#7048e8' },
} as const;

export const PDF_MARGIN = 50;

export interface TextOptions {
  bold?: boolean;
  color?: string;
  /** Lines (of this text's size) to move down after the text. */
  gap?: number;
  indent?: number;
  /** The structure tag screen readers get (`P` unless said otherwise). */
  tag?: string;
  /** Points of what follows that must share a page with this paragraph's last line. */
  keepTail?: number;
}

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

/**
 * An A4, tagged (PDF/UA-style structure tree, document title and language)
 * pdfkit document with the few primitives the plan is written in: paragraphs
 * of styled spans in any script, headings, labelled lines, groups, rules and
 * keep-together. Every paragraph becomes a structure element in reading
 * order; rules, bars and footers are marked as artifacts, so a screen reader
 * reads the plan and nothing else. Pages are buffered so footers can be
 * drawn once the page count is known.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Width of the text column. */
  readonly width: number;
  private readonly bytes: Promise<Buffer>;
  private readonly parents: StructElement[];

  constructor(info: { title: string; subject: string; createdAt: Date; lang?: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PDF_MARGIN, bottom: PDF_MARGIN + 10, left: PDF_MARGIN, right: PDF_MARGIN },
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: info.lang ?? 'en',
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Creator: 'Throughline', CreationDate: info.createdAt },
    });
    registerPdfFonts(this.doc);
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.width = this.doc.page.width - PDF_MARGIN * 2;
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    this.parents = [root];
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * Starts a new page unless `height` more points fit on this one (marked
   * content carries over). A block taller than half a page is allowed to
   * split rather than leave most of a page blank: it starts here unless less
   * than a quarter of the page is left (its paragraphs keep their last line
   * with what must follow them, see `keepTail`).
   */
  keep(height: number): void {
    const page = this.bottom - this.doc.page.margins.top;
    const need = height > page / 2 ? page / 4 : height;
    if (this.doc.y + need > this.bottom) this.doc.continueOnNewPage();
  }

  private box(size: number, indent = 0, color: string = PDF_COLORS.text): ParagraphBox {
    return { x: PDF_MARGIN + indent, width: this.width - indent, size, color };
  }

  /** The height `spans` take as a paragraph, for keeping a heading with what follows it. */
  measure(spans: string | readonly Span[], size: number, indent = 0): number {
    return paragraphHeight(this.doc, typeof spans === 'string' ? [{ text: spans }] : spans, this.box(size, indent));
  }

  /**
   * Groups what `write` draws under one structure element (`Sect`, `Div`,
   * `L`…), so the tree mirrors the plan: initiative → idea → steps.
   */
  group(tag: string, write: () => void): void {
    const el = this.doc.struct(tag);
    this.parents.at(-1)?.add(el);
    this.parents.push(el);
    try {
      write();
    } finally {
      this.parents.pop();
      el.end();
    }
  }

  /** A paragraph of styled spans, as one structure element. */
  paragraph(spans: readonly Span[], size: number, opts: Omit<TextOptions, 'bold'> = {}): void {
    const box = this.box(size, opts.indent, opts.color);
    this.parents
      .at(-1)
      ?.add(this.doc.struct(opts.tag ?? 'P', {}, () => drawParagraph(this.doc, spans, box, (h) => this.keep(h), opts.keepTail)));
    if (opts.gap) this.doc.y += opts.gap * size;
  }

  text(s: string, size: number, opts: TextOptions = {}): void {
    this.paragraph([{ text: s, bold: opts.bold }], size, opts);
  }

  /** "Label: value" with the label in bold; nothing at all when the value is empty. */
  labelled(label: string, value: string, indent = 0): void {
    if (!value) return;
    this.paragraph([{ text: `${label}: `, bold: true }, { text: value }], 9.5, { indent });
  }

  /**
   * A bold heading (`H1`…`H6`) that never sits alone at a page's foot: it
   * moves to the next page unless `keepWith` points of what follows fit below it.
   */
  heading(s: string, size: number, level: number, keepWith = size * 2): void {
    this.doc.y += size * 0.6;
    this.keep(this.measure([{ text: s, bold: true }], size) + keepWith);
    this.text(s, size, { bold: true, gap: 0.25, tag: `H${level}` });
  }

  /** Draws decoration (rules, bars) that screen readers skip. */
  artifact(draw: (doc: PDFKit.PDFDocument) => void): void {
    this.doc.markContent('Artifact');
    draw(this.doc);
    this.doc.endMarkedContent();
  }

  rule(): void {
    const y = this.doc.y;
    this.artifact((doc) =>
      doc
        .moveTo(PDF_MARGIN, y)
        .lineTo(PDF_MARGIN + this.width, y)
        .lineWidth(0.5)
        .strokeColor(PDF_COLORS.rule)
        .stroke(),
    );
    this.doc.y = y + 6;
  }

  /**
   * Draws `footer(page, pages)` centred at the foot of every page, as a
   * pagination artifact. Writing inside the bottom margin would make pdfkit
   * start a new page, so the margin is lifted while drawing.
   */
  footers(footer: (page: number, pages: number) => string): void {
    const range = this.doc.bufferedPageRange();
    for (let p = range.start; p < range.start + range.count; p++) {
      this.doc.switchToPage(p);
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.y = this.doc.page.height - PDF_MARGIN + 5;
      this.artifact(() =>
        drawParagraph(
          this.doc,
          [{ text: footer(p - range.start + 1, range.count) }],
          { ...this.box(8, 0, PDF_COLORS.muted), align: 'center' },
          () => {},
        ),
      );
      this.doc.page.margins.bottom = saved;
    }
  }

  /** Finishes the document; resolves with its bytes. */
  end(): Promise<Buffer> {
    this.parents[0]?.end();
    this.doc.end();
    return this.bytes;
  }
}

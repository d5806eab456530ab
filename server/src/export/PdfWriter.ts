import PDFDocument from 'pdfkit';
import { registerPdfFonts } from './pdfFonts.ts';

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
  /** Lines to move down after the text. */
  gap?: number;
  indent?: number;
}

/**
 * An A4 pdfkit document with the few primitives the plan is written in
 * (text, labelled line, heading, rule, keep-together), and the rendered
 * bytes once `end()` is called. Pages are buffered so footers can be drawn
 * when the page count is known.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Width of the text column. */
  readonly width: number;
  private readonly bytes: Promise<Buffer>;

  constructor(info: { title: string; subject: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PDF_MARGIN, bottom: PDF_MARGIN + 10, left: PDF_MARGIN, right: PDF_MARGIN },
      bufferPages: true,
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
  }

  /** Starts a new page unless `height` more points fit on this one. */
  keep(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  text(s: string, size: number, opts: TextOptions = {}): void {
    const indent = opts.indent ?? 0;
    this.doc
      .font(opts.bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(opts.color ?? PDF_COLORS.text);
    this.doc.text(s, PDF_MARGIN + indent, this.doc.y, { width: this.width - indent });
    if (opts.gap) this.doc.moveDown(opts.gap);
  }

  /** "Label: value" with the label in bold; nothing at all when the value is empty. */
  labelled(label: string, value: string, indent = 0): void {
    if (!value) return;
    this.doc.font('bold').fontSize(9.5).fillColor(PDF_COLORS.text);
    this.doc.text(`${label}: `, PDF_MARGIN + indent, this.doc.y, { width: this.width - indent, continued: true });
    this.doc.font('regular').text(value);
  }

  /** A bold heading that never sits alone at the foot of a page. */
  heading(s: string, size: number): void {
    this.keep(size * 4);
    this.doc.moveDown(0.6);
    this.text(s, size, { bold: true, gap: 0.25 });
  }

  rule(): void {
    this.doc
      .moveTo(PDF_MARGIN, this.doc.y)
      .lineTo(PDF_MARGIN + this.width, this.doc.y)
      .lineWidth(0.5)
      .strokeColor(PDF_COLORS.rule)
      .stroke();
    this.doc.moveDown(0.5);
  }

  /**
   * Draws `footer(page, pages)` centred at the foot of every page. Writing
   * inside the bottom margin would make pdfkit start a new page, so the
   * margin is lifted while drawing.
   */
  footers(footer: (page: number, pages: number) => string): void {
    const range = this.doc.bufferedPageRange();
    for (let p = range.start; p < range.start + range.count; p++) {
      this.doc.switchToPage(p);
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('regular')
        .fontSize(8)
        .fillColor(PDF_COLORS.muted)
        .text(footer(p - range.start + 1, range.count), PDF_MARGIN, this.doc.page.height - PDF_MARGIN + 5, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = saved;
    }
  }

  /** Finishes the document; resolves with its bytes. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.bytes;
  }
}

import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * The typefaces a PDF draws with, in fallback order: every grapheme is set
 * in the first face that has a glyph for it. All come from npm packages (so
 * a plan prints the same on any server, with no system fonts) and pdfkit
 * embeds only the glyphs used, so a page of Latin text stays small.
 * - Noto Sans: Latin, Greek, Cyrillic and the usual punctuation.
 * - Vazirmatn (Arabic, Persian) and Noto Sans Hebrew: right-to-left scripts,
 *   shaped by fontkit. Vazirmatn rather than Noto Sans Arabic because it has
 *   one glyph per letter form: Noto builds dotted letters from shared dotless
 *   glyphs plus dots, which a PDF's ToUnicode map cannot tell apart, so
 *   copying or searching the text would turn ر into ز.
 * - Noto Sans SC: Chinese and Japanese (its kana and kanji cover both).
 * - Noto Sans KR: Hangul.
 * - Noto Emoji: monochrome emoji, ZWJ sequences and flags included (PDF
 *   text cannot carry colour-font glyphs portably; black outlines print anywhere).
 */
const FACES = [
  {
    name: 'latin',
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  {
    name: 'arabic',
    regular: 'vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf',
    bold: 'vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf',
  },
  {
    name: 'hebrew',
    regular: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
    bold: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff',
  },
  {
    name: 'cjk',
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  {
    name: 'hangul',
    regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
  },
  {
    name: 'emoji',
    regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
    bold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
  },
] as const;

interface LoadedFace {
  /** The pdfkit font name, e.g. `cjk-bold`. */
  name: string;
  path: string;
  font: fontkit.Font;
}

/** Fonts are parsed once per process: the CJK files are 10 MB each. */
let loaded: { regular: LoadedFace[]; bold: LoadedFace[] } | null = null;

function faces() {
  if (!loaded) {
    const load = (name: string, spec: string): LoadedFace => {
      const path = require.resolve(spec);
      return { name, path, font: fontkit.openSync(path) as fontkit.Font };
    };
    loaded = {
      regular: FACES.map((f) => load(f.name, f.regular)),
      bold: FACES.map((f) => load(`${f.name}-bold`, f.bold)),
    };
  }
  return loaded;
}

/** Code points that never decide a face: joiners, variation selectors, skin-tone modifiers ride with their base. */
const RIDES_ALONG = /[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
/** Emoji presentation: set in the emoji face even where a text face has a glyph (✅ ★ ☎ in Noto Sans). */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\ufe0f/u;

/**
 * The pdfkit font name for one grapheme cluster: the first face with a glyph
 * for its base character (emoji always go to the emoji face). The Latin face
 * is the last resort, so an unknown character prints as a visible box
 * rather than disappearing.
 */
export function faceFor(grapheme: string, bold: boolean): string {
  const list = faces()[bold ? 'bold' : 'regular'];
  if (EMOJI.test(grapheme)) return list[list.length - 1]?.name ?? 'regular';
  const base = [...grapheme].find((c) => !RIDES_ALONG.test(c)) ?? grapheme;
  const cp = base.codePointAt(0) ?? 0;
  return (list.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? list[0])?.name ?? 'regular';
}

/** Vertical metrics of the body face (font units), which set line height and baseline for every line. */
export const LATIN_METRICS = (() => {
  const f = faces().regular[0]?.font;
  return { ascent: f?.ascent ?? 1069, descent: f?.descent ?? -293, lineGap: f?.lineGap ?? 0, unitsPerEm: f?.unitsPerEm ?? 1000 };
})();

/** Registers every face with the document under its name (`latin`, `latin-bold`, `cjk`, …). */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = faces();
  for (const f of [...regular, ...bold]) doc.registerFont(f.name, f.path);
  // The names the rest of the writer uses for "body text".
  doc.registerFont('regular', regular[0]?.path ?? 'Helvetica');
  doc.registerFont('bold', bold[0]?.path ?? 'Helvetica-Bold');
}

/** The part of bidi-js (Unicode Bidirectional Algorithm, UAX #9) the PDF writer uses; the package ships no types. */
declare module 'bidi-js' {
  export interface EmbeddingLevels {
    /** One resolved level per UTF-16 code unit: odd is right-to-left. */
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels;
    getMirroredCharacter(char: string): string | null;
  }
  export default function bidiFactory(): Bidi;
}

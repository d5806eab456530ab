/**
 * One complete JSON object found in a model's streamed reply, or a piece of
 * it that could not be parsed. `raw` is kept only for diagnostics.
 */
export type StreamedObject = { ok: true; value: unknown } | { ok: false; reason: 'malformed' | 'too-long'; raw: string };

export interface AiObjectStreamOptions {
  /** An object longer than this is reported as `too-long` and skipped, so one runaway item cannot grow memory. */
  maxObjectChars: number;
}

/**
 * Pulls JSON objects out of a streamed model reply as soon as each one is
 * complete, without waiting for the reply to end. It accepts the shapes
 * models actually produce when asked for "one JSON object per line":
 * newline-delimited objects, a JSON array of objects, an object wrapping
 * such an array (`{"ideas":[…]}`), and any of those inside a markdown code
 * fence or after a line of chatter.
 *
 * It yields *leaf* objects — objects that contain no other object — so a
 * wrapper is never mistaken for an item. Braces inside strings are ignored.
 * Text outside objects is counted in `strayChars`, which lets the caller
 * tell a chatty but usable reply from garbage.
 */
export class AiObjectStream {
  #buf = '';
  /** Index in #buf of each open `{`, with whether it contains a nested object. */
  #open: { start: number; hasChild: boolean }[] = [];
  #inString = false;
  #escaped = false;
  /** Index of the innermost leaf being skipped because it is too long, or -1. */
  #skipDepth = -1;
  #strayChars = 0;
  readonly #max: number;

  constructor(opts: AiObjectStreamOptions) {
    this.#max = opts.maxObjectChars;
  }

  /** Non-whitespace characters seen outside any object (chatter, fences, commas, brackets). */
  get strayChars(): number {
    return this.#strayChars;
  }

  /** Feeds the next chunk of the reply; returns the objects it completed, in order. */
  push(chunk: string): StreamedObject[] {
    const out: StreamedObject[] = [];
    const base = this.#buf.length;
    this.#buf += chunk;
    for (let i = base; i < this.#buf.length; i++) {
      const ch = this.#buf[i] as string;
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (ch === '\\') this.#escaped = true;
        else if (ch === '"') this.#inString = false;
        continue;
      }
      if (ch === '"' && this.#open.length > 0) {
        this.#inString = true;
      } else if (ch === '{') {
        const parent = this.#open[this.#open.length - 1];
        if (parent) parent.hasChild = true;
        this.#open.push({ start: i, hasChild: false });
      } else if (ch === '}' && this.#open.length > 0) {
        const obj = this.#open.pop() as { start: number; hasChild: boolean };
        const depth = this.#open.length;
        if (this.#skipDepth === depth) {
          this.#skipDepth = -1;
        } else if (!obj.hasChild && this.#skipDepth < 0) {
          const raw = this.#buf.slice(obj.start, i + 1);
          try {
            out.push({ ok: true, value: JSON.parse(raw) });
          } catch {
            out.push({ ok: false, reason: 'malformed', raw });
          }
        }
      } else if (this.#open.length === 0 && !/\s/.test(ch)) {
        this.#strayChars++;
      }
      const innermost = this.#open[this.#open.length - 1];
      if (innermost && this.#skipDepth < 0 && i - innermost.start + 1 > this.#max && !innermost.hasChild) {
        // Report once, then skip to this object's closing brace.
        out.push({ ok: false, reason: 'too-long', raw: this.#buf.slice(innermost.start, innermost.start + 200) });
        this.#skipDepth = this.#open.length - 1;
      }
    }
    this.#compact();
    return out;
  }

  /**
   * Ends the stream. Returns a `malformed` item when the reply stopped in the
   * middle of an object (a truncated reply), otherwise nothing.
   */
  end(): StreamedObject[] {
    const open = this.#open[0];
    if (!open) return [];
    const raw = this.#buf.slice(open.start, open.start + 200);
    this.#open = [];
    this.#buf = '';
    return this.#skipDepth >= 0 ? [] : [{ ok: false, reason: 'malformed', raw }];
  }

  /** Drops text before the outermost open object: memory stays bounded by the largest object in flight. */
  #compact(): void {
    const keepFrom = this.#open[0]?.start ?? this.#buf.length;
    if (keepFrom === 0) return;
    this.#buf = this.#buf.slice(keepFrom);
    for (const o of this.#open) o.start -= keepFrom;
  }
}

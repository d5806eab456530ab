/**
 * Bounds on what one client may send, checked *before* anything is decoded
 * into objects. The cost of a Yjs update is not its size in bytes: a few MB
 * can hold millions of 2-byte GC structs or delete ranges, each of which
 * Yjs turns into an object (and `new Array(count)` trusts the declared
 * count). `scanUpdate` walks the v1 update format with a cursor, allocating
 * nothing, and stops at the first count over its bound.
 */

export interface UpdateBounds {
  /** Structs (items, GC and skip runs) in one update. */
  maxStructs: number;
  /** Shared types (Y.Map, Y.Array, Y.Text…) created by one update: each is a live object once decoded. A note is one. */
  maxTypes: number;
  /** Delete ranges in one update's delete set. */
  maxDeleteRanges: number;
  /** Bytes of any single string or binary value (keys, text, JSON, any). */
  maxStringBytes: number;
  /** Values inside JSON and "any" content (each becomes an object when decoded). */
  maxValues: number;
  /** Nesting of objects and arrays inside one value. */
  maxValueDepth: number;
}

/**
 * Generous for people (an offline afternoon of edits is a few thousand
 * structs; a long session's delete set a few thousand ranges), small enough
 * that decoding a full update costs milliseconds.
 */
export const UPDATE_BOUNDS: UpdateBounds = {
  maxStructs: 20_000,
  maxTypes: 2_000,
  maxDeleteRanges: 50_000,
  maxStringBytes: 128 * 1024,
  maxValues: 200_000,
  maxValueDepth: 16,
};

/** Nesting of shared types (a Y.Map in a Y.Map…): notes are one level below a root. */
export const MAX_TYPE_DEPTH = 8;

/** Bytes of one awareness message (cursor, selection, who is editing): states are small. */
export const MAX_AWARENESS_BYTES = 32 * 1024;

export type UpdateScan =
  | { ok: true; structs: number; deleteRanges: number }
  /** `malformed`: the bytes are not an update at all (rather than a valid one over a bound). */
  | { ok: false; reason: string; malformed: boolean };

class OverBound extends Error {}
class Malformed extends Error {}

/** A read-only cursor over the bytes that throws instead of reading past the end. */
class Cursor {
  pos = 0;
  constructor(private readonly arr: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.arr.length;
  }

  byte(): number {
    if (this.pos >= this.arr.length) throw new Malformed('unexpected end of update');
    return this.arr[this.pos++] as number;
  }

  /** lib0 varUint: 7 bits per byte, low first. */
  varUint(): number {
    let n = 0;
    let mult = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
    }
    throw new Malformed('integer out of range');
  }

  /** lib0 varInt: like varUint, with a sign bit in the first byte. */
  skipVarInt(): void {
    if (this.byte() < 0x80) return;
    this.varUint();
  }

  skip(n: number): void {
    if (n > this.arr.length - this.pos) throw new Malformed('unexpected end of update');
    this.pos += n;
  }
}

/** What struct skipping needs: a bounded string reader, a value counter, the depth bound. */
interface Readers {
  string(): void;
  type(): void;
  value(): void;
  maxDepth: number;
}

/**
 * Checks the counts of a Yjs update (format v1, as y-websocket sends it)
 * against `bounds` without decoding it. Declared counts are compared before
 * anything they count is read, so a header claiming ten million structs
 * costs a few bytes of reading. Bytes that are not an update come back as
 * `malformed`.
 */
export function scanUpdate(update: Uint8Array, bounds: UpdateBounds = UPDATE_BOUNDS): UpdateScan {
  const c = new Cursor(update);
  let structs = 0;
  let deleteRanges = 0;
  let values = 0;
  let types = 0;
  const addStructs = (n: number) => {
    structs += n;
    if (structs > bounds.maxStructs) throw new OverBound(`more than ${bounds.maxStructs} structs in one update`);
  };
  const read: Readers = {
    string: () => {
      const len = c.varUint();
      if (len > bounds.maxStringBytes) throw new OverBound(`a value longer than ${bounds.maxStringBytes} bytes`);
      c.skip(len);
    },
    type: () => {
      if (++types > bounds.maxTypes) throw new OverBound(`more than ${bounds.maxTypes} shared types in one update`);
    },
    value: () => {
      if (++values > bounds.maxValues) throw new OverBound(`more than ${bounds.maxValues} values in one update`);
    },
    maxDepth: bounds.maxValueDepth,
  };
  try {
    const clients = c.varUint();
    for (let i = 0; i < clients; i++) {
      const n = c.varUint();
      addStructs(n);
      c.varUint(); // client
      c.varUint(); // first clock
      for (let j = 0; j < n; j++) skipStruct(c, read);
    }
    const dsClients = c.varUint();
    for (let i = 0; i < dsClients; i++) {
      c.varUint(); // client
      const n = c.varUint();
      deleteRanges += n;
      if (deleteRanges > bounds.maxDeleteRanges) throw new OverBound(`more than ${bounds.maxDeleteRanges} delete ranges in one update`);
      for (let j = 0; j < n; j++) {
        c.varUint(); // clock
        c.varUint(); // length
      }
    }
    if (!c.done) throw new Malformed('bytes after the end of the update');
    return { ok: true, structs, deleteRanges };
  } catch (err) {
    if (err instanceof OverBound) return { ok: false, reason: err.message, malformed: false };
    if (err instanceof Malformed) return { ok: false, reason: err.message, malformed: true };
    throw err;
  }
}

/** Struct layouts of yjs `readClientsStructRefs` / `contentRefs` (update format v1). */
function skipStruct(c: Cursor, read: Readers): void {
  const info = c.byte();
  const kind = info & 0x1f;
  if (kind === 0 || kind === 10) {
    c.varUint(); // GC or Skip: a length
    return;
  }
  const hasOrigin = (info & 0x80) !== 0;
  const hasRightOrigin = (info & 0x40) !== 0;
  if (hasOrigin) skipId(c);
  if (hasRightOrigin) skipId(c);
  if (!hasOrigin && !hasRightOrigin) {
    if (c.varUint() === 1)
      read.string(); // root type name
    else skipId(c); // parent item
    if ((info & 0x20) !== 0) read.string(); // map key
  }
  switch (kind) {
    case 1: // deleted: a length
      c.varUint();
      return;
    case 2: // JSON: strings
      for (let n = c.varUint(), i = 0; i < n; i++) {
        read.value();
        read.string();
      }
      return;
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON string)
      read.string();
      return;
    case 6: // format: key and JSON value
      read.string();
      read.string();
      return;
    case 7: {
      read.type();
      const typeRef = c.varUint();
      if (typeRef === 3 || typeRef === 5)
        read.string(); // XmlElement / XmlHook name
      else if (typeRef > 6) throw new Malformed(`unknown type ${typeRef}`);
      return;
    }
    case 8: // any
      for (let n = c.varUint(), i = 0; i < n; i++) skipAny(c, read);
      return;
    case 9: // subdocument: guid and options
      read.string();
      skipAny(c, read);
      return;
    default:
      throw new Malformed(`unknown content ${kind}`);
  }
}

function skipId(c: Cursor): void {
  c.varUint();
  c.varUint();
}

/** lib0 `readAny`, iteratively so a deep value cannot exhaust the stack. */
function skipAny(c: Cursor, read: Readers): void {
  // One frame per open array or object: values left to read, and whether each comes after a key.
  const stack: { left: number; keyed: boolean }[] = [{ left: 1, keyed: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { left: number; keyed: boolean };
    if (top.left === 0) {
      stack.pop();
      continue;
    }
    top.left--;
    if (top.keyed) read.string();
    read.value();
    const tag = c.byte();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125: // integer
        c.skipVarInt();
        break;
      case 124: // float32
        c.skip(4);
        break;
      case 123: // float64
      case 122: // bigint
        c.skip(8);
        break;
      case 119: // string
      case 116: // bytes
        read.string();
        break;
      case 118: // object
      case 117: {
        // array
        const n = c.varUint();
        if (stack.length >= read.maxDepth) throw new OverBound(`a value nested deeper than ${read.maxDepth}`);
        stack.push({ left: n, keyed: tag === 118 });
        break;
      }
      default:
        throw new Malformed(`unknown value tag ${tag}`);
    }
  }
}

/**
 * A strict RFC 4180 reader for tests: records end in CRLF, a field is either
 * bare (no comma, quote, CR or LF) or quoted with `""` for a quote. Anything
 * else throws, so a writer that quotes sloppily fails the test instead of
 * being read generously the way spreadsheet programs would.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          return out;
        }
        out += c;
        i++;
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`bare quote at offset ${i}`);
      i++;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    throw new Error(`expected , or CRLF at offset ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  if (row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

/** Characters no file may contain on Windows, macOS or Linux, plus control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * `<title> - <YYYY-MM-DD>.<ext>`: the session title and the export date, so a
 * downloads folder full of plans sorts and reads well. Unsafe characters
 * are removed, whitespace collapsed, and the title cut to 80 characters; an
 * empty title becomes "Throughline plan". A `qualifier` (a CSV variant such
 * as `asana`) goes after the date, so two variants never overwrite each other.
 */
export function exportFileName(title: string, date: Date, ext: string, qualifier?: string): string {
  const clean = title
    // Whitespace first: line breaks are control characters, but they separate words.
    .replace(/\s+/g, ' ')
    .replace(UNSAFE, '')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const cut = clean.length > 80 ? clean.slice(0, 80).trimEnd() : clean;
  return `${cut || 'Throughline plan'} - ${date.toISOString().slice(0, 10)}${qualifier ? ` - ${qualifier}` : ''}.${ext}`;
}

/** RFC 5987 encoding for `filename*`: percent-encode everything outside attr-char. */
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A `Content-Disposition: attachment` header (RFC 6266) with an ASCII
 * `filename` for old clients and the exact UTF-8 name in `filename*`, which
 * every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * Characters that start Markdown or HTML anywhere in a line. A backslash
 * before ASCII punctuation is a literal in CommonMark and GFM, which GitHub,
 * Notion and Confluence all follow, so `\<script>` shows as text everywhere
 * while an entity like `&lt;` would show as `&lt;` in some of them. `$`
 * opens math on GitHub; `&` would otherwise start an entity.
 */
const INLINE_SPECIALS = /[\\`*_[\]<>#|~&$]/g;

/**
 * User text as one safe line of Markdown: every whitespace run (newlines
 * included) becomes one space, syntax characters are backslash-escaped, and
 * a leading `-`, `+`, `=` or `1.` cannot turn the line into a list, a
 * heading underline or a rule when it lands at the start of a list item.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A short single-line form for headings: escaped, and cut at `max` characters of the source text. */
export function markdownSnippet(text: string, max = 100): { text: string; truncated: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: escapeMarkdown(flat), truncated: false };
  return { text: `${escapeMarkdown(flat.slice(0, max - 1).trimEnd())}…`, truncated: true };
}

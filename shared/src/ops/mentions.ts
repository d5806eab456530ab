import { MAX_MENTIONS } from '../model/comment.ts';

/** Someone who can be mentioned: a participant's id and display name. */
export interface Mentionable {
  id: string;
  name: string;
}

const fold = (s: string) => s.toLocaleLowerCase();

/**
 * The people a comment mentions: every `@Name` in `text` that matches a
 * display name (longest name first, so "@Ana Lima" beats "@Ana"), case
 * insensitive, followed by the end or a non-letter. Ids come out once each,
 * in order of first mention, at most `MAX_MENTIONS`.
 */
export function findMentions(text: string, people: readonly Mentionable[]): string[] {
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  const out: string[] = [];
  const lower = fold(text);
  for (let i = lower.indexOf('@'); i >= 0 && out.length < MAX_MENTIONS; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && /[\p{L}\p{N}._-]/u.test(lower[i - 1] as string)) continue; // an e-mail address, not a mention
    const rest = lower.slice(i + 1);
    const hit = byLength.find((p) => rest.startsWith(fold(p.name)) && !/^[\p{L}\p{N}]/u.test(rest.slice(p.name.length)));
    if (hit && !out.includes(hit.id)) out.push(hit.id);
  }
  return out;
}

/**
 * The mention being typed at `caret`: the text after the last `@` that
 * starts a word, if no line break follows it. Drives the autocomplete list.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && /[\p{L}\p{N}]/u.test(before[at - 1] as string)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.length > 40) return null;
  return { start: at, query };
}

/** Candidates for an autocomplete query: names that start with it first, then names containing it. */
export function mentionCandidates(query: string, people: readonly Mentionable[], limit = 6): Mentionable[] {
  const q = fold(query);
  const starts = people.filter((p) => fold(p.name).startsWith(q));
  const contains = people.filter((p) => !fold(p.name).startsWith(q) && fold(p.name).includes(q));
  return [...starts, ...contains].slice(0, limit);
}

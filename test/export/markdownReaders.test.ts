import { HtmlRenderer, Parser } from 'commonmark';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { planToMarkdown } from '../../server/src/export/planToMarkdown.ts';
import { HOSTILE_TEXTS, hostilePlan } from './hostilePlan.ts';

const md = planToMarkdown(hostilePlan());
// Raw HTML on, as many hosts render it: hostile text must still arrive as text.
const renders = { 'markdown-it': new MarkdownIt({ html: true }).render(md), commonmark: new HtmlRenderer().render(new Parser().parse(md)) };
const headings = (html: string) => [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);

describe.each(Object.entries(renders))('Markdown of the hostile session in %s', (_name, html) => {
  it('renders no live HTML and no heading from user text', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
    expect(headings(html).some((h) => h.includes('not a heading'))).toBe(false);
  });

  it('has the same heading outline as the other reader, and keeps every script', () => {
    expect(headings(html)).toEqual(headings(renders['markdown-it']));
    for (const t of [HOSTILE_TEXTS.chinese, HOSTILE_TEXTS.arabic, HOSTILE_TEXTS.hebrew, HOSTILE_TEXTS.emoji]) expect(html).toContain(t);
  });
});

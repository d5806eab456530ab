import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownSnippet } from './escapeMarkdown.ts';

describe('escapeMarkdown', () => {
  it('shows HTML as text instead of letting an editor render it', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).not.toMatch(/(^|[^\\])</);
  });

  it('keeps emphasis, links, code, tables, math and entities literal', () => {
    expect(escapeMarkdown('*bold* _it_ `code` [a](http://x) a|b ~~s~~ $x$ &lt;')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[a\\](http://x) a\\|b \\~\\~s\\~\\~ \\$x\\$ \\&lt;',
    );
  });

  it('cannot start a list, a heading, a quote or a rule when it begins a line', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+1 for this')).toBe('\\+1 for this');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('===')).toBe('\\===');
  });

  it('folds line breaks into one line so a note cannot break out of its list item', () => {
    expect(escapeMarkdown('line one\r\n\n- line two\tend')).toBe('line one - line two end');
  });

  it('leaves ordinary prose alone', () => {
    expect(escapeMarkdown('Win consideration among IT leads (EMEA), 2026.')).toBe('Win consideration among IT leads (EMEA), 2026.');
  });
});

describe('markdownSnippet', () => {
  it('cuts long text for headings and says so', () => {
    const s = markdownSnippet('x'.repeat(150), 100);
    expect(s.truncated).toBe(true);
    expect(s.text).toBe(`${'x'.repeat(99)}…`);
    expect(markdownSnippet('short').truncated).toBe(false);
  });
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOfflineIdeas, OFFLINE_GENERATOR } from '@throughline/shared';
import { SAMPLE_BRIEFS } from '../../shared/src/ops/sampleBriefs.fixture.ts';

/**
 * Ten offline ideas for two briefs, before and after the generator read the
 * brief: "before" is what the first template generator wrote (kept in
 * ideasBefore.md, captured from it on 2026-12-01), "after" is written now by
 * the current code, seed 1. Run: `node --import tsx test/bench/ideasSideBySide.ts`;
 * the table also lands in test-results/ideas/side-by-side.md.
 */
const BRIEFS = ['invoicing retention', 'enterprise security'];
const SEED = 1;

const before = new Map<string, string[]>();
let current: string[] = [];
for (const line of readFileSync(join(import.meta.dirname, 'ideasBefore.md'), 'utf8').split('\n')) {
  if (line.startsWith('## ')) {
    current = [];
    before.set(line.slice(3).trim(), current);
  } else if (line.startsWith('- ')) current.push(line.slice(2));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
const out: string[] = [`Offline generator before (throughline-lenses-1) and after (${OFFLINE_GENERATOR.model}), seed ${SEED}.`, ''];
for (const name of BRIEFS) {
  const brief = SAMPLE_BRIEFS.find((b) => b.name === name);
  if (!brief) throw new Error(`no sample brief ${name}`);
  const after = generateOfflineIdeas({ brief, count: 10, lens: null, seed: SEED }).map((i) => {
    const serves = brief.initiatives.find((x) => x.id === i.initiativeId)?.title;
    return `[${i.lens}${serves ? ` · serves ${serves}` : ''}] ${i.text}`;
  });
  const old = before.get(name) ?? [];
  out.push(`### ${name}`, '', `Audience: ${brief.audience}  `, `Constraints: ${brief.constraints.join('; ')}`, '');
  out.push('| # | before | after |', '|---|---|---|');
  for (let n = 0; n < 10; n++) out.push(`| ${n + 1} | ${cell(old[n] ?? '')} | ${cell(after[n] ?? '')} |`);
  out.push('');
}
const text = out.join('\n');
const dir = join(import.meta.dirname, '../../test-results/ideas');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'side-by-side.md'), text);
console.log(text);

import type { ExportStep, PlanExport } from '@throughline/shared';
import { fixturePlan } from './exportFixture.ts';

/**
 * Text no importer, calendar or PDF viewer may choke on: every awkward shape
 * a real session produces (quotes, separators, every kind of line break,
 * tabs, formulas hiding after a line feed, HTML, Markdown) and every script
 * (Arabic, Hebrew, Chinese, Japanese, Korean, emoji), each in its own step.
 */
export const HOSTILE_TEXTS = {
  quotes: 'She said "ship it", then left',
  commas: 'Budget, scope, and time; pick two',
  lf: 'First line\nsecond line',
  crlf: 'Windows line\r\nsecond Windows line',
  cr: 'Old Mac line\rsecond old Mac line',
  tabs: 'Column\tseparated\tby tabs',
  formulaAfterLf: "Harmless first line\n=cmd|' /C calc'!A0",
  atAfterCrlf: 'Looks fine\r\n@SUM(1+1)',
  plusAfterTab: '\t+1+1 hidden behind a tab',
  html: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  markdown: '**bold** _italic_ [link](http://x.example) | pipe | # not a heading',
  arabic: 'زيادة المبيعات في الشرق الأوسط بنسبة ٢٠٪ هذا العام',
  hebrew: 'להגדיל את המכירות בישראל ב־20% השנה',
  chinese: '提高企业客户对治理的认知',
  japanese: '監査対応ウェビナーを開催する',
  korean: '거버넌스 체크리스트 배포하기',
  emoji: 'Launch party 🚀🎉 ✅ 👩🏽‍💻 🇪🇺',
} as const;

/** A 2,000-character idea mixing scripts, so every line-folding and wrapping path meets multi-byte text. */
export const LONG_IDEA = (() => {
  const unit = 'Long idea, "quoted"; 長い説明 ✅ عربي עברית 🚀 — ';
  let s = '';
  while (s.length < 2000) s += unit;
  return s.slice(0, 2000);
})();

/** A session title with every character iCalendar and file names must escape. */
export const HOSTILE_TITLE = 'Q3; "Plan", EMEA\\APAC — 計画 🚀';

/**
 * The fixture plan rewritten to carry every hostile text: one step per
 * text (as its title, owner and success check), a 2,000-character idea, a
 * rationale with a formula after a line feed, and a title full of separators.
 */
export function hostilePlan(): PlanExport {
  const plan = fixturePlan();
  plan.session.title = HOSTILE_TITLE;
  plan.brief.objective = `${HOSTILE_TEXTS.arabic} / ${HOSTILE_TEXTS.chinese}`;
  const group = plan.initiatives[0];
  const idea = group?.ideas[0];
  const template = idea?.steps[0];
  if (!group || !idea || !template) throw new Error('the fixture has a kept idea with a step');
  group.title = `${HOSTILE_TEXTS.hebrew} | ${HOSTILE_TEXTS.korean}`;
  idea.text = LONG_IDEA;
  idea.decision.rationale = `${HOSTILE_TEXTS.japanese}\n=1+1`;
  idea.steps = Object.entries(HOSTILE_TEXTS).map(
    ([name, text], n): ExportStep => ({
      ...template,
      id: `step:hostile-${name}`,
      title: text,
      owner: n % 2 ? text : 'Ana Ávila',
      due: `2026-11-${String(n + 1).padStart(2, '0')}`,
      outputs: [{ kind: 'asset', description: text }],
      successCheck: {
        measure: text,
        target: n % 3 ? '+500' : '>= 200',
        reviewDate: `2026-12-${String(n + 1).padStart(2, '0')}`,
        metric: null,
      },
    }),
  );
  return plan;
}

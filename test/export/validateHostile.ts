import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planJsonSchema } from '@throughline/shared';
import Ajv2020 from 'ajv/dist/2020.js';
import { HtmlRenderer, Parser } from 'commonmark';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { CSV_VARIANT_NAMES } from '../../server/src/export/csvVariants.ts';
import { EXPORT_FORMATS } from '../../server/src/routes/exports.ts';
import { HOSTILE_TEXTS, HOSTILE_TITLE, hostilePlan } from './hostilePlan.ts';
import { parseCsv } from './parseCsv.ts';

/**
 * Exports the hostile session in every format with the writers the download
 * routes use, then hands each file to readers nobody here wrote and prints
 * one verdict per reader. Run: `node --import tsx test/export/validateHostile.ts`
 * (needs python3-icalendar, python3-vobject, poppler-utils and qpdf from apt).
 * The files stay in test-results/export/hostile/ to open by hand.
 */
const OUT = join(import.meta.dirname, '../../test-results/export/hostile');
const FORMULA_LINE = /^\s*[=+\-@\t\r]/;
const BOM = '\ufeff';
const verdicts: { format: string; reader: string; ok: boolean; detail: string }[] = [];
const check = (format: string, reader: string, run: () => string) => {
  try {
    verdicts.push({ format, reader, ok: true, detail: run() });
  } catch (e) {
    verdicts.push({ format, reader, ok: false, detail: (e as Error).message.split('\n')[0] ?? '' });
  }
};
const must = (cond: boolean, why: string) => {
  if (!cond) throw new Error(why);
};
const python = (script: string, input: Buffer) =>
  execFileSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

mkdirSync(OUT, { recursive: true });
const plan = hostilePlan();
const stepCount = plan.initiatives.flatMap((g) => g.ideas.flatMap((i) => i.steps)).length;

// CSV, every variant: three readers must agree on shape, and no line of any cell may start a formula.
for (const variant of CSV_VARIANT_NAMES) {
  const csv = EXPORT_FORMATS.csv.write(plan, { variant });
  writeFileSync(join(OUT, `hostile.${variant}.csv`), csv);
  const bytes = Buffer.from(csv, 'utf8');
  const shape = (rows: string[][]) => `${rows.length} rows × ${[...new Set(rows.map((r) => r.length))].join('/')} fields`;
  const safe = (rows: string[][]) => {
    const bad = rows
      .flat()
      .flatMap((c) => c.split('\n'))
      .filter((l) => FORMULA_LINE.test(l));
    must(bad.length === 0, `formula-leading line: ${JSON.stringify(bad[0])}`);
    must(rows.length === stepCount + 1, `expected ${stepCount + 1} rows, got ${rows.length}`);
    must(new Set(rows.map((r) => r.length)).size === 1, 'ragged rows');
  };
  const strict = parseCsv(csv.startsWith(BOM) ? csv.slice(1) : csv);
  check(`CSV ${variant}`, 'strict RFC 4180 reader (ours)', () => {
    safe(strict);
    return shape(strict);
  });
  check(`CSV ${variant}`, 'Python csv (Debian python3)', () => {
    const rows: string[][] = JSON.parse(
      python(
        'import csv,io,json,sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))',
        bytes,
      ),
    );
    safe(rows);
    must(JSON.stringify(rows) === JSON.stringify(strict), 'cells differ from the strict reader');
    return `${shape(rows)}, cells identical`;
  });
  check(`CSV ${variant}`, 'papaparse 5 (defaults)', () => {
    const r = Papa.parse<string[]>(csv.startsWith(BOM) ? csv.slice(1) : csv, { skipEmptyLines: true });
    must(r.errors.length === 0, JSON.stringify(r.errors[0]));
    safe(r.data);
    must(JSON.stringify(r.data) === JSON.stringify(strict), 'cells differ from the strict reader');
    return `${shape(r.data)}, cells identical`;
  });
  if (variant === 'excel')
    check('CSV excel', 'UTF-8 byte-order mark', () => {
      must(csv.startsWith(BOM), 'no BOM');
      return 'EF BB BF first';
    });
}

// iCalendar.
const ics = EXPORT_FORMATS.ics.write(plan);
writeFileSync(join(OUT, 'hostile.ics'), ics);
const icsBytes = Buffer.from(ics, 'utf8');
const calName = `${HOSTILE_TITLE} — plan`;
check('iCalendar', 'physical lines (RFC 5545 §3.1)', () => {
  const lines = icsBytes.toString('latin1').split('\r\n').slice(0, -1);
  const longest = Math.max(...lines.map((l) => l.length));
  must(longest <= 75, `a line of ${longest} octets`);
  for (const l of lines) new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(l, 'latin1'));
  must(!/\r(?!\n)|(?<!\r)\n/.test(ics), 'bare CR or LF');
  return `${lines.length} lines, longest ${longest} octets, each valid UTF-8, CRLF only`;
});
check('iCalendar', 'ical.js 2 (Thunderbird)', () => {
  for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent');
  must(cal.getFirstPropertyValue('x-wr-calname') === calName, 'calendar name changed');
  must(events.length === stepCount * 2, `expected ${stepCount * 2} events, got ${events.length}`);
  const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
  for (const t of [HOSTILE_TEXTS.chinese, HOSTILE_TEXTS.arabic, HOSTILE_TEXTS.emoji, HOSTILE_TEXTS.quotes, HOSTILE_TEXTS.commas])
    must(
      summaries.some((s) => s.includes(t)),
      `summary lost ${t}`,
    );
  const seq = events.map((e) => Number(e.getFirstPropertyValue('sequence')));
  must(
    seq.every((n) => Number.isInteger(n) && n >= 0),
    'SEQUENCE missing',
  );
  return `${events.length} events, name and hostile summaries exact, SEQUENCE on every event`;
});
const pyIcs = `
import icalendar, json, sys, vobject
data = sys.stdin.buffer.read().decode("utf-8")
ic = icalendar.Calendar.from_ical(data)
vo = vobject.readOne(data)
print(json.dumps({
  "icalendar": [str(ic["X-WR-CALNAME"]), len(list(ic.walk("VEVENT")))],
  "vobject": [vo.x_wr_calname.value, len(vo.contents["vevent"]), [str(e.summary.value) for e in vo.vevent_list]],
}))`;
let py: { icalendar: [string, number]; vobject: [string, number, string[]] } | null = null;
try {
  py = JSON.parse(python(pyIcs, icsBytes));
} catch (e) {
  verdicts.push({
    format: 'iCalendar',
    reader: 'Python icalendar / vobject',
    ok: false,
    detail: (e as Error).message.split('\n')[0] ?? '',
  });
}
if (py) {
  const { icalendar, vobject } = py;
  check('iCalendar', 'Python icalendar (python3-icalendar)', () => {
    must(icalendar[0] === calName, `name read as ${JSON.stringify(icalendar[0])}`);
    must(icalendar[1] === stepCount * 2, 'event count');
    return `${icalendar[1]} events, calendar name exact`;
  });
  check('iCalendar', 'Python vobject (python3-vobject)', () => {
    must(vobject[0] === calName, `name read as ${JSON.stringify(vobject[0])}`);
    must(vobject[1] === stepCount * 2, 'event count');
    must(
      vobject[2].some((s) => s.includes(HOSTILE_TEXTS.korean)),
      'Korean summary lost',
    );
    return `${vobject[1]} events, calendar name exact`;
  });
}

// JSON.
const json = EXPORT_FORMATS.json.write(plan);
writeFileSync(join(OUT, 'hostile.json'), json);
check('JSON', 'ajv 8 (JSON Schema 2020-12, strict)', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true, formats: { date: true, 'date-time': true } }).compile(planJsonSchema());
  must(validate(JSON.parse(json)) === true, JSON.stringify(validate.errors?.[0]));
  return 'valid against plan.v2.json';
});

// Markdown: two CommonMark renderers, raw HTML allowed (as many hosts do): hostile text must stay text.
const md = EXPORT_FORMATS.md.write(plan);
writeFileSync(join(OUT, 'hostile.md'), md);
const inert = (html: string, who: string) => {
  must(!/<script|<img/i.test(html), `${who} produced a live <script>/<img>`);
  const headings = html.match(/<h[1-6]>/g)?.length ?? 0;
  must(!/<h[1-6]>[^<]*not a heading/.test(html), 'a hostile "#" became a heading');
  return headings;
};
let itHeadings = -1;
check('Markdown', 'markdown-it 15 (html: true)', () => {
  itHeadings = inert(new MarkdownIt({ html: true }).render(md), 'markdown-it');
  return `${itHeadings} headings, no live HTML`;
});
check('Markdown', 'commonmark.js 0.31 (reference)', () => {
  const n = inert(new HtmlRenderer().render(new Parser().parse(md)), 'commonmark');
  must(n === itHeadings, `${n} headings vs markdown-it's ${itHeadings}`);
  return `${n} headings (same as markdown-it), no live HTML`;
});

// PDF.
const pdfPath = join(OUT, 'hostile.pdf');
writeFileSync(pdfPath, await EXPORT_FORMATS.pdf.write(plan));
check('PDF', 'qpdf --check', () => {
  const r = spawnSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' });
  must(r.status === 0, r.stdout.split('\n').find((l) => /error|warning/i.test(l)) ?? `exit ${r.status}`);
  return r.stdout.split('\n').find((l) => l.startsWith('No syntax')) ?? r.stdout.trim().split('\n').at(-1) ?? '';
});
check('PDF', 'pdfinfo', () => {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  must(field('Tagged') === 'yes', `Tagged: ${field('Tagged')}`);
  must(field('Title') === HOSTILE_TITLE, `Title: ${field('Title')}`);
  return `Tagged: yes, Title exact, ${field('Pages')} pages, PDF ${field('PDF version')}`;
});
check('PDF', 'pdftotext (poppler)', () => {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  const scripts = ['chinese', 'japanese', 'korean', 'emoji'] as const;
  const missing = scripts.filter((k) => !flat.includes(HOSTILE_TEXTS[k]));
  must(missing.length === 0, `missing: ${missing.join(', ')}`);
  // poppler orders a line's runs left to right when the page is mostly left-to-right, so a number
  // inside an RTL sentence comes out before the words that precede it; and it reverses the two
  // letters of a lam-alef ligature. Each run between numbers must still extract in logical order.
  const runs = (s: string) => s.split(/\s*(?:[\d٠-٩]+[%٪]?|الأوسط)\s*/).filter(Boolean);
  const lost = [...runs(HOSTILE_TEXTS.hebrew), ...runs(HOSTILE_TEXTS.arabic)].filter((r) => !flat.includes(r));
  must(lost.length === 0, `RTL runs missing: ${lost.join(' | ')}`);
  return `${scripts.join(', ')} exact; Hebrew and Arabic runs in logical order (number runs placed by poppler's LTR line order)`;
});
check('PDF', 'pdftoppm page 1', () => {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(OUT, 'hostile-page1')]);
  return 'test-results/export/hostile/hostile-page1.png';
});

console.log('| format | reader | verdict | detail |\n|---|---|---|---|');
for (const v of verdicts) console.log(`| ${v.format} | ${v.reader} | ${v.ok ? 'pass' : 'FAIL'} | ${v.detail} |`);
process.exitCode = verdicts.every((v) => v.ok) ? 0 : 1;

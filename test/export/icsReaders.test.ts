import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanExport } from '@throughline/shared';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { chainLines, eachStep, oneLine, stepTitle } from '../../server/src/export/exportText.ts';
import { planToIcs } from '../../server/src/export/planToIcs.ts';
import { HOSTILE_TITLE, hostilePlan } from './hostilePlan.ts';

const GOLDEN = join(import.meta.dirname, 'golden', 'hostile.ics');
const update = process.env.UPDATE_GOLDEN === '1';

// ical.js returns properties it has no definition for undecoded; the calendar name is TEXT (RFC 7986 NAME, and X-WR-CALNAME by use).
for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

/** The events as ical.js (Mozilla's parser, used by Thunderbird) reads them. */
function icalJs(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent').map((c) => ({
    uid: String(c.getFirstPropertyValue('uid')),
    summary: String(c.getFirstPropertyValue('summary')),
    description: String(c.getFirstPropertyValue('description')),
    categories: c.getFirstProperty('categories')?.getValues().map(String),
    sequence: Number(c.getFirstPropertyValue('sequence')),
    dtstamp: (c.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    start: String(c.getFirstPropertyValue('dtstart')),
  }));
  return { cal, events };
}

/**
 * What Python's `icalendar` and `vobject` (the readers of Home Assistant,
 * Radicale, calendar scripts) make of the calendar name and events. They are
 * the Debian packages python3-icalendar and python3-vobject, installed for
 * the system interpreter.
 */
function pythonReaders(ics: string): { icalendar: string[]; vobject: string[]; summaries: string[] } {
  const script = `
import icalendar, json, sys, vobject
data = sys.stdin.buffer.read().decode("utf-8")
ic = icalendar.Calendar.from_ical(data)
vo = vobject.readOne(data)
print(json.dumps({
  "icalendar": [str(ic["X-WR-CALNAME"]), str(ic["NAME"])],
  "vobject": [vo.x_wr_calname.value, vo.contents["name"][0].value],
  "summaries": [str(e["SUMMARY"]) for e in ic.walk("VEVENT")],
}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: Buffer.from(ics, 'utf8'), encoding: 'utf8' }));
}

const plan = hostilePlan();
const ics = planToIcs(plan);
const expectedSummaries = [...eachStep(plan)].flatMap(({ step }) => {
  const check = [oneLine(step.successCheck.measure), oneLine(step.successCheck.target)].filter(Boolean).join(' → ');
  return [`Due: ${stepTitle(step)}`, `Review: ${stepTitle(step)} (${check})`];
});

describe('iCalendar of the hostile session', () => {
  it('has CRLF lines of at most 75 octets, each whole UTF-8', () => {
    const bytes = Buffer.from(ics, 'utf8');
    expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
    const lines = bytes.toString('latin1').split('\r\n').slice(0, -1);
    expect(lines.join('')).not.toMatch(/[\r\n]/);
    const strict = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of lines) {
      const raw = Buffer.from(line, 'latin1');
      expect(raw.length, line).toBeLessThanOrEqual(75);
      // A fold inside a multi-byte character would leave half a character on each line.
      expect(() => strict.decode(raw)).not.toThrow();
      if (line.startsWith(' ')) folded++;
    }
    // The 2,000-character idea and the scripts really were folded, not avoided.
    expect(folded).toBeGreaterThan(100);
  });

  it('reads back exactly in ical.js: summaries, notes, categories and the calendar name', () => {
    const { cal, events } = icalJs(ics);
    expect(events.map((e) => e.summary)).toEqual(expectedSummaries);
    const chains = [...eachStep(plan)].flatMap(({ initiative, idea, step }) => {
      const notes = chainLines(plan, initiative, idea, step).join('\n');
      return [notes, notes];
    });
    expect(events.map((e) => e.description)).toEqual(chains);
    for (const e of events) expect(e.categories?.[0]).toBe('Throughline');
    expect(cal.getFirstPropertyValue('name')).toBe(`${HOSTILE_TITLE} — plan`);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(`${HOSTILE_TITLE} — plan`);
  });

  it('gives Python icalendar and vobject the calendar name whole, separators and all', () => {
    const py = pythonReaders(ics);
    const name = `${HOSTILE_TITLE} — plan`;
    expect(py.icalendar).toEqual([name, name]);
    expect(py.vobject).toEqual([name, name]);
    expect(py.summaries).toEqual(expectedSummaries);
  });

  it('matches golden/hostile.ics', () => {
    if (update) writeFileSync(GOLDEN, ics);
    expect(existsSync(GOLDEN), `missing ${GOLDEN}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(ics).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});

describe('re-importing a newer calendar', () => {
  const events = (p: PlanExport) => new Map(icalJs(planToIcs(p)).events.map((e) => [e.uid, e]));

  it('is byte-identical when nothing changed, however later it is exported', () => {
    const later = hostilePlan();
    later.exportedAt = '2027-03-01T12:00:00.000Z';
    expect(planToIcs(later)).toBe(ics);
  });

  it("moves an edited step's SEQUENCE and DTSTAMP forward and leaves the others alone", () => {
    const before = events(plan);
    const edited = hostilePlan();
    const step = edited.initiatives[0]?.ideas[0]?.steps[3];
    if (!step) throw new Error('the hostile plan has steps');
    step.title = 'Renamed after the workshop';
    step.updatedAt = '2026-10-01T08:00:00.000Z';
    const after = events(edited);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [id, e] of after) {
      const old = before.get(id);
      if (!old) throw new Error(`new UID ${id}`);
      if (id.includes(step.id.replace(':', '-'))) {
        expect(e.sequence).toBeGreaterThan(old.sequence);
        expect(e.dtstamp > old.dtstamp).toBe(true);
        expect(e.summary).toMatch(/Renamed after the workshop/);
      } else {
        expect([e.sequence, e.dtstamp, e.summary]).toEqual([old.sequence, old.dtstamp, old.summary]);
      }
    }
  });

  it('moves every event forward when the plan is finalised again (the brief may have changed)', () => {
    const before = events(plan);
    const refinalised = hostilePlan();
    refinalised.finalised = { revision: 2, finalisedAt: '2026-10-02T09:00:00.000Z', finalisedBy: 'Fran Facilitator' };
    for (const [id, e] of events(refinalised)) expect(e.sequence).toBeGreaterThan(before.get(id)?.sequence ?? Infinity);
  });
});

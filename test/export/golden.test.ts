import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../server/src/routes/exports.ts';
import { fixturePlan } from './exportFixture.ts';

/**
 * Golden files of every text format for the hostile fixture session.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1`, then read the
 * diff: it is exactly what users' files will change by.
 */
const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden exports of the fixture session', () => {
  for (const ext of ['md', 'csv', 'json', 'ics'] as const) {
    it(`${ext} matches golden/plan.golden.${ext}`, async () => {
      const out = await EXPORT_FORMATS[ext].write(fixturePlan());
      expect(typeof out).toBe('string');
      const file = join(GOLDEN_DIR, `plan.golden.${ext}`);
      if (update) writeFileSync(file, out as string);
      expect(existsSync(file), `missing ${file}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('still serves v1 unchanged: the v2 plan downgraded is byte-for-byte the v1 golden file', async () => {
    const out = await EXPORT_FORMATS.json.write(fixturePlan(), { version: 1 });
    expect(out).toBe(readFileSync(join(GOLDEN_DIR, 'plan.v1.golden.json'), 'utf8'));
  });

  it('is deterministic: the same session at the same instant gives the same bytes', async () => {
    for (const ext of ['md', 'csv', 'json', 'ics'] as const)
      expect(await EXPORT_FORMATS[ext].write(fixturePlan())).toBe(await EXPORT_FORMATS[ext].write(fixturePlan()));
  });
});

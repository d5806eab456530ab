import type * as Y from 'yjs';
import { Origins } from './origins.ts';

/**
 * Document schema versions and migrations. A migration is a named, numbered
 * step `{ id, to, up }`; `migrateDoc` runs every step above the doc's
 * version in order, in one transaction tagged `migration`. A client whose
 * code is older than the doc's version must go read-only (`isNewerThanCode`).
 */
export interface Migration {
  /** Unique and stable, e.g. `board/2-note-lanes`. */
  id: string;
  /** The version the doc is at after this step. */
  to: number;
  up(doc: Y.Doc): void;
}

export const META = 'meta';

export function readSchemaVersion(doc: Y.Doc): number {
  const v = doc.getMap(META).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

/** Brings `doc` up to the newest version in `migrations`. Returns the ids of steps applied. */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[]): string[] {
  const from = readSchemaVersion(doc);
  const pending = migrations.filter((m) => m.to > from).sort((a, b) => a.to - b.to);
  if (pending.length === 0) return [];
  doc.transact(() => {
    for (const m of pending) {
      m.up(doc);
      doc.getMap(META).set('schemaVersion', m.to);
    }
  }, Origins.migration);
  return pending.map((m) => m.id);
}

export const latestVersion = (migrations: readonly Migration[]) => migrations.reduce((max, m) => Math.max(max, m.to), 0);

/** True when the doc was written by newer code than `migrations` knows: edit nothing, ask for a reload. */
export const isNewerThanCode = (doc: Y.Doc, migrations: readonly Migration[]) => readSchemaVersion(doc) > latestVersion(migrations);

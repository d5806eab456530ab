import type * as Y from 'yjs';

/**
 * The plan's finalisation, in the `control` doc under the root
 * `finalisation` (`{ revision, finalisedAt, finalisedBy, finalisedById }`),
 * written by the server only (the `finalisePlan` command).
 *
 * Finalised is a published snapshot, not a lock: the plan stays editable,
 * each finalisation bumps `revision` (1, 2, …) and is what integrations
 * receive. Steps changed after `finalisedAt` are "changed since finalised".
 */
export const FINALISATION_ROOT = 'finalisation';

export interface PlanFinalisation {
  /** 1 for the first finalisation; increases by one each time. */
  revision: number;
  finalisedAt: string;
  /** Display name of the facilitator who finalised. */
  finalisedBy: string;
  finalisedById: string;
}

const map = (doc: Y.Doc) => doc.getMap<unknown>(FINALISATION_ROOT);

/** The latest finalisation, or null while the plan has never been finalised. */
export function readFinalisation(doc: Y.Doc): PlanFinalisation | null {
  const m = map(doc);
  const revision = m.get('revision');
  const finalisedAt = m.get('finalisedAt');
  if (typeof revision !== 'number' || revision < 1 || typeof finalisedAt !== 'string') return null;
  const by = m.get('finalisedBy');
  const byId = m.get('finalisedById');
  return {
    revision,
    finalisedAt,
    finalisedBy: typeof by === 'string' ? by : '',
    finalisedById: typeof byId === 'string' ? byId : '',
  };
}

/** Records a new finalisation with the next revision number and returns it. Call inside a transaction. */
export function writeFinalisation(doc: Y.Doc, at: string, by: { id: string; name: string }): PlanFinalisation {
  const next: PlanFinalisation = {
    revision: (readFinalisation(doc)?.revision ?? 0) + 1,
    finalisedAt: at,
    finalisedBy: by.name,
    finalisedById: by.id,
  };
  const m = map(doc);
  for (const [k, v] of Object.entries(next)) m.set(k, v);
  return next;
}

/**
 * Every Yjs transaction carries one of these origins so undo, echo
 * suppression and persistence can tell writers apart. They are singletons:
 * `Y.UndoManager` and observers compare origins by identity.
 */
export type OriginSource = 'user' | 'remote' | 'ai' | 'command' | 'migration' | 'load';
export interface TxOrigin {
  readonly source: OriginSource;
}

export const Origins = {
  /** This client's own edits (the only ones its undo manager tracks). */
  user: { source: 'user' } as TxOrigin,
  /** Updates that arrived from the network. */
  remote: { source: 'remote' } as TxOrigin,
  /** Ideas the server writes on the AI's behalf. */
  ai: { source: 'ai' } as TxOrigin,
  /** Server-applied commands. */
  command: { source: 'command' } as TxOrigin,
  /** Schema migrations. */
  migration: { source: 'migration' } as TxOrigin,
  /** Replaying persisted state on load (must not be persisted again). */
  load: { source: 'load' } as TxOrigin,
} as const;

export const originSource = (origin: unknown): OriginSource | null =>
  origin && typeof origin === 'object' && 'source' in origin ? ((origin as TxOrigin).source ?? null) : null;

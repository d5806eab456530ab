import { Origins } from '@throughline/shared';
import type * as Y from 'yjs';
import type { Size, Viewport } from '../board/viewport.ts';
import type { BoardStore } from '../state/BoardStore.ts';
import type { Store } from '../state/createStore.ts';
import type { EditorUi } from '../state/editorUi.ts';

/** Everything an action may read or change. Built once per board; `canWrite` is asked at call time. */
export interface ActionContext {
  doc: Y.Doc;
  store: BoardStore;
  ui: Store<EditorUi>;
  viewport: Store<Viewport>;
  viewSize: () => Size;
  undoManager: Y.UndoManager;
  me: { participantId: string; name: string };
  /** False for viewers and whenever the phase is not `explore`. */
  canWrite: () => boolean;
  now: () => number;
}

/** The parts of a KeyboardEvent shortcuts look at, so keyTests run in Node. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * An Excalidraw-style action: one named change, bound to toolbar buttons
 * and keys in one place. `perform` is the only code that writes the board,
 * always through `write()` so every change is tagged `Origins.user` and
 * lands in this person's undo history.
 */
export interface Action<A = void> {
  name: string;
  label: string;
  /** Shown in the help overlay, e.g. "N" or "Ctrl+D". */
  shortcut?: string;
  /** True when performing it changes the board (refused while read-only). */
  writes: boolean;
  keyTest?(e: KeyLike, ctx: ActionContext): boolean;
  /** The argument a key press stands for (e.g. an arrow key's nudge distance). */
  argFromKey?(e: KeyLike, ctx: ActionContext): A;
  // Method syntax on purpose: it lets a list of actions with different argument types share one type.
  perform(ctx: ActionContext, arg: A): void;
}

/** Declares an action with its argument type inferred. */
export const defineAction = <A = void>(a: Action<A>): Action<A> => a;

/** Writes the board in one transaction attributed to this person. */
export const write = (ctx: ActionContext, fn: () => void) => ctx.doc.transact(fn, Origins.user);

export const isMod = (e: KeyLike) => e.ctrlKey || e.metaKey;
export const noMods = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;
export const keyIs = (e: KeyLike, ...keys: string[]) => keys.includes(e.key.length === 1 ? e.key.toLowerCase() : e.key);

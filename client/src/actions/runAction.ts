import { patchStore } from '../state/createStore.ts';
import type { Action, ActionContext, KeyLike } from './types.ts';

/**
 * Performs an action if this person may: a writing action on a read-only
 * board is refused with an announcement instead of a silent no-op.
 * Returns whether it ran.
 */
export function runAction<A>(ctx: ActionContext, action: Action<A>, arg: A): boolean {
  if (action.writes && !ctx.canWrite()) {
    patchStore(ctx.ui, { announcement: 'The board is read-only right now.' });
    return false;
  }
  action.perform(ctx, arg);
  return true;
}

/** The first action bound to this key, or null. */
export function actionForKey(actions: readonly Action<unknown>[], e: KeyLike, ctx: ActionContext): Action<unknown> | null {
  return actions.find((a) => a.keyTest?.(e, ctx)) ?? null;
}

/** Runs the action a key press is bound to. Returns true when a binding matched (even if refused). */
export function runKey(actions: readonly Action<unknown>[], e: KeyLike, ctx: ActionContext): boolean {
  const action = actionForKey(actions, e, ctx);
  if (!action) return false;
  runAction(ctx, action, action.argFromKey ? action.argFromKey(e, ctx) : undefined);
  return true;
}

import { ErrorCode, readTimer, type Timer, type TimerResult, timerRemaining, writeTimer } from '@throughline/shared';
import { type CommandContext, type CommandResult, refuse } from './CommandContext.ts';

/**
 * Applies one pure timer move (see `timerMath.ts`) at the server's clock:
 * 409 when the move makes no sense in the timer's
 * state. Answers with the new timer and the time left, so the caller does
 * not wait for the control doc to sync.
 */
export function changeTimer(ctx: CommandContext, move: (t: Timer, now: number) => TimerResult, after?: () => void): CommandResult {
  const now = ctx.now().getTime();
  const next = move(readTimer(ctx.control), now);
  if (!next.ok) return refuse(409, ErrorCode.conflict, next.reason);
  ctx.transact(ctx.control, () => {
    writeTimer(ctx.control, next.value);
    after?.();
  });
  return { ok: true, value: { timer: next.value, remainingMs: timerRemaining(next.value, now) } };
}

import { timerStop } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { changeTimer } from '../timerChange.ts';

/** Ends the countdown; the header stops showing it. */
export const stopTimer: CommandHandler<'stopTimer'> = (_cmd, ctx) => changeTimer(ctx, (t) => timerStop(t));

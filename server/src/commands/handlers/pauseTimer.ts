import { timerPause } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { changeTimer } from '../timerChange.ts';

/** Freezes the time left until `resumeTimer`. */
export const pauseTimer: CommandHandler<'pauseTimer'> = (_cmd, ctx) => changeTimer(ctx, timerPause);

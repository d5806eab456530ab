import { timerResume } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { changeTimer } from '../timerChange.ts';

/** Counts down again from where `pauseTimer` froze it. */
export const resumeTimer: CommandHandler<'resumeTimer'> = (_cmd, ctx) => changeTimer(ctx, timerResume);

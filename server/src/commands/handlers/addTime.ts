import { timerAddTime } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { changeTimer } from '../timerChange.ts';

/** Extends (or shortens) a running or paused timer; after "Time's up" it counts from now. */
export const addTime: CommandHandler<'addTime'> = (cmd, ctx) => changeTimer(ctx, (t, now) => timerAddTime(t, now, cmd.seconds));

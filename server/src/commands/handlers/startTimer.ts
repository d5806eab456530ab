import { agendaItemLabel, ErrorCode, readAgenda, timerStart, writeAgenda } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';
import { changeTimer } from '../timerChange.ts';

/**
 * Starts (or restarts) the countdown. Starting an agenda item names it in
 * `agendaItem`: the item becomes the agenda's current one and, unless the
 * command says otherwise, lends the timer its label. The phase never moves
 * by itself.
 */
export const startTimer: CommandHandler<'startTimer'> = (cmd, ctx) => {
  const item = cmd.agendaItem === undefined ? undefined : readAgenda(ctx.control).items[cmd.agendaItem];
  if (cmd.agendaItem !== undefined && !item) {
    return refuse(404, ErrorCode.notFound, `the agenda has no item ${cmd.agendaItem + 1}`);
  }
  const label = cmd.label || (item ? agendaItemLabel(item) : null);
  return changeTimer(
    ctx,
    (_t, now) => timerStart(now, cmd.seconds, label),
    item ? () => writeAgenda(ctx.control, { current: cmd.agendaItem }) : undefined,
  );
};

import type { CommandType } from '@throughline/shared';
import type { CommandHandler } from './CommandContext.ts';
import { setPhase } from './handlers/setPhase.ts';
import { updateBrief } from './handlers/updateBrief.ts';

/** One handler per command type; the type system insists every command in the union has one. */
export const handlers: { [T in CommandType]: CommandHandler<T> } = {
  updateBrief,
  setPhase,
};

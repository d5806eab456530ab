import { ErrorCode, type Phase, readPhase } from '@throughline/shared';
import { type CommandContext, type CommandResult, refuse } from './CommandContext.ts';

/** Small checks handlers compose; each returns a refusal or null. */
export function requireFacilitator(ctx: CommandContext): CommandResult | null {
  return ctx.identity.role === 'facilitator' ? null : refuse(403, ErrorCode.forbidden, 'only the facilitator can do this');
}

export function requireNotViewer(ctx: CommandContext): CommandResult | null {
  return ctx.identity.role === 'viewer' ? refuse(403, ErrorCode.forbidden, 'viewers cannot change the session') : null;
}

export function requirePhase(ctx: CommandContext, ...phases: Phase[]): CommandResult | null {
  const current = readPhase(ctx.control).current;
  return phases.includes(current)
    ? null
    : refuse(409, ErrorCode.wrongPhase, `this is only possible during ${phases.join(' or ')} (the session is in ${current})`);
}

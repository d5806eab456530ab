import { PHASES, type Phase, phaseIndex } from '../model/phase.ts';
import type { Role } from '../model/role.ts';
import { ErrorCode, type ErrorCodeValue } from '../protocol/errorCodes.ts';

/**
 * An expected refusal, shaped exactly as a command handler answers it
 * (`{ ok: false, status, code, message }`), so pure rules can be returned
 * from handlers unchanged. `message` is written for the person refused.
 */
export interface Refusal {
  ok: false;
  status: 400 | 403 | 404 | 409;
  code: ErrorCodeValue;
  message: string;
}

/** The result of a pure rule: the value to apply, or why not. */
export type Checked<T> = { ok: true; value: T } | Refusal;

export const refuse = (status: Refusal['status'], code: ErrorCodeValue, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

/** What a phase change does, for the setPhase handler to apply and the banner to explain. */
export interface PhaseChange {
  from: Phase;
  to: Phase;
  direction: 'forward' | 'back';
  /** Non-blocking notes for the facilitator ("votes were never revealed"). */
  warnings: string[];
}

/** What the rules need to know about the session to judge a phase change. */
export interface PhaseContext {
  revealed: boolean;
  /** Number of ideas kept so far. */
  kept: number;
}

/**
 * The rules for `setPhase`, for the lead's handler to call:
 * - only the facilitator moves the session;
 * - forward one phase at a time (explore → select → plan → review), so no
 *   phase's purpose is skipped by a mis-click;
 * - back to any earlier phase, but only with `confirm: true` (the client
 *   asks first); going back discards nothing — votes, decisions and steps
 *   stay — it only reopens what that phase allows (e.g. the board in explore);
 * - staying in the same phase is a 409 conflict, so a double click is visible.
 * Entering plan before votes were revealed, or with nothing kept, is allowed
 * with a warning: a facilitator may decide without a vote.
 */
export function checkPhaseChange(
  from: Phase,
  to: Phase,
  actor: { role: Role; confirm?: boolean | undefined },
  ctx: PhaseContext,
): Checked<PhaseChange> {
  if (actor.role !== 'facilitator') {
    return refuse(403, ErrorCode.forbidden, 'Only the facilitator can move the session to another phase.');
  }
  if (!(PHASES as readonly string[]).includes(to)) return refuse(400, ErrorCode.invalidCommand, `Unknown phase ${to}.`);
  const delta = phaseIndex(to) - phaseIndex(from);
  if (delta === 0) return refuse(409, ErrorCode.conflict, `The session is already in ${to}.`);
  if (delta > 1) {
    const next = PHASES[phaseIndex(from) + 1] as Phase;
    return refuse(409, ErrorCode.wrongPhase, `Move to ${next} before ${to}: phases go one at a time.`);
  }
  if (delta < 0 && actor.confirm !== true) {
    return refuse(
      409,
      ErrorCode.conflict,
      `Going back to ${to} reopens it for everyone; send confirm: true to go back (nothing is discarded).`,
    );
  }
  const warnings: string[] = [];
  if (delta > 0 && to === 'plan') {
    if (!ctx.revealed) warnings.push('Votes were never revealed: the plan will show no tallies.');
    if (ctx.kept === 0) warnings.push('No idea is kept yet: the plan is empty until the facilitator keeps one.');
  }
  return { ok: true, value: { from, to, direction: delta > 0 ? 'forward' : 'back', warnings } };
}

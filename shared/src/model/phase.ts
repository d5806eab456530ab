import { z } from 'zod';

/**
 * The session's phases, in order. Exploring diverges (the board is open,
 * nothing is judged); selecting converges (the board is frozen, votes and
 * scores exist); planning turns kept ideas into owned steps; reviewing
 * records what the steps taught.
 */
export const PHASES = ['explore', 'select', 'plan', 'review'] as const;
export type Phase = (typeof PHASES)[number];
export const PhaseSchema = z.enum(PHASES);

/** What each phase is for, shown in the phase banner. */
export const PHASE_PURPOSE: Record<Phase, string> = {
  explore: 'Explore broadly: add ideas, build on others, ask the AI for more. Nothing is judged yet.',
  select: 'Select narrowly: the board is frozen. Vote and score against the decision rule.',
  plan: 'Plan: turn each kept idea into owned next steps with a due date and a success check.',
  review: 'Review: owners record what each step taught — continue, revise or stop.',
};

export const phaseIndex = (p: Phase) => PHASES.indexOf(p);

/** Only exploring leaves the shared board open to people's edits. */
export const isBoardWritable = (p: Phase) => p === 'explore';

import type { Brief } from '../model/brief.ts';
import type { Idea } from '../model/idea.ts';
import type { CriterionId, IdeaId, InitiativeId, ParticipantId, StepId } from '../model/ids.ts';
import type { NextStep } from '../model/nextStep.ts';
import type { Phase } from '../model/phase.ts';
import type { Decision, Tally, Verdict } from '../model/selection.ts';
import type { Settings } from '../model/settings.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { keepEvidence } from './keepEvidence.ts';
import { type Checked, refuse } from './phaseRules.ts';
import { checkSelectable } from './voting.ts';

/** What a `decide` command asks for (after schema validation). */
export interface DecideInput {
  ideaId: IdeaId;
  verdict: Verdict | null;
  rationale: string;
  initiativeId: InitiativeId | null;
  /** Criterion ids the kept idea serves (ignored for park and drop). */
  servesCriteria?: readonly CriterionId[] | undefined;
  /** Why keep an idea the votes and scores did not favour; required exactly then. */
  overrideReason?: string | undefined;
  confirm?: boolean | undefined;
}

/** What to write: the new decision (null = withdraw it) and steps to delete because the idea is no longer kept. */
export interface DecideEffect {
  decision: Decision | null;
  deleteSteps: StepId[];
}

/** Which verdicts need a rationale, and what it should say. */
export const RATIONALE_PROMPT: Record<Verdict, string | null> = {
  keep: 'Which strategic choice or initiative does this idea support?',
  drop: 'Why not? Say what in the strategy or the decision rule it does not serve.',
  park: null,
};

/**
 * The facilitator's keep / park / drop on one idea. Keep and drop need a
 * rationale tied to the strategy; park may go without (it means "not now").
 * An initiative, if named, must be one of the brief's, and so must every
 * criterion a keep says it serves. Keeping an idea the revealed votes and
 * scores did not favour (`keepEvidence`) needs an override reason, and is
 * stored as an override: the plan then shows the team's view was set aside
 * and why. Un-keeping an idea that already has next steps deletes those
 * steps, so it needs `confirm`. Deciding again replaces the decision and
 * re-stamps who and when.
 */
export function checkDecide(
  input: DecideInput,
  ctx: {
    idea: Pick<Idea, 'origin' | 'lane'> | null;
    brief: Pick<Brief, 'initiatives'> & { decisionRule?: Pick<Brief['decisionRule'], 'criteria'> };
    /** Revealed tallies (empty before reveal). */
    tallies?: readonly Tally[];
    existing: Decision | null;
    steps: readonly Pick<NextStep, 'id' | 'ideaId'>[];
    actor: { participantId: ParticipantId; name: string };
    now: string;
  },
): Checked<DecideEffect> {
  const notSelectable = checkSelectable(ctx.idea);
  if (notSelectable) return notSelectable;
  const rationale = input.rationale.trim();
  const prompt = input.verdict ? RATIONALE_PROMPT[input.verdict] : null;
  if (prompt && rationale.length === 0) {
    return refuse(400, ErrorCode.rationaleRequired, `A ${input.verdict} needs a rationale. ${prompt}`);
  }
  if (input.initiativeId && !ctx.brief.initiatives.some((i) => i.id === input.initiativeId)) {
    return refuse(400, ErrorCode.invalidCommand, 'The brief has no such initiative.');
  }
  const keeping = input.verdict === 'keep';
  const criteria = new Set<string>((ctx.brief.decisionRule?.criteria ?? []).map((c) => c.id));
  const serves = keeping ? [...new Set(input.servesCriteria ?? [])] : [];
  const unknownCriteria = serves.filter((c) => !criteria.has(c));
  if (unknownCriteria.length > 0) {
    return refuse(400, ErrorCode.invalidCommand, `The decision rule has no such criterion: ${unknownCriteria.join(', ')}.`);
  }
  const evidence = keeping ? keepEvidence(input.ideaId, ctx.tallies ?? []) : null;
  const overrideReason = (input.overrideReason ?? '').trim();
  if (evidence && !evidence.favoured && !overrideReason) {
    return refuse(
      409,
      ErrorCode.overrideRequired,
      `${evidence.concern} Keeping it sets the team's view aside: send an override reason saying why.`,
    );
  }
  const override = !!evidence && !evidence.favoured;
  const stepIds = ctx.steps.filter((s) => s.ideaId === input.ideaId).map((s) => s.id);
  const unkeeping = ctx.existing?.verdict === 'keep' && input.verdict !== 'keep';
  if (unkeeping && stepIds.length > 0 && input.confirm !== true) {
    return refuse(
      409,
      ErrorCode.conflict,
      `This idea has ${stepIds.length} next ${stepIds.length === 1 ? 'step' : 'steps'}; no longer keeping it deletes them. Send confirm: true to go ahead.`,
    );
  }
  const deleteSteps = unkeeping ? stepIds : [];
  if (!input.verdict) {
    if (!ctx.existing) return refuse(409, ErrorCode.conflict, 'This idea has no decision to withdraw.');
    return { ok: true, value: { decision: null, deleteSteps } };
  }
  return {
    ok: true,
    value: {
      decision: {
        ideaId: input.ideaId,
        verdict: input.verdict,
        rationale,
        // An initiative is what a kept idea serves; parked and dropped ideas serve none.
        initiativeId: keeping ? input.initiativeId : null,
        servesCriteria: serves as CriterionId[],
        override,
        overrideReason: override ? overrideReason : '',
        decidedBy: ctx.actor.participantId,
        decidedByName: ctx.actor.name,
        decidedAt: ctx.now,
      },
      deleteSteps,
    },
  };
}

/**
 * Blind origin hides whether an idea came from a person or the AI while the
 * team is judging: during selection, for ideas not yet decided. It is a
 * presentation rule (the board doc still records origin), meant to stop
 * anchoring on "the AI said so", not to keep a secret.
 */
export const isOriginHidden = (
  settings: Pick<Settings, 'blindOrigin'>,
  phase: Phase,
  decision: Pick<Decision, 'verdict'> | null | undefined,
) => settings.blindOrigin && phase === 'select' && !decision;

import type { Brief } from '../model/brief.ts';
import type { StepId } from '../model/ids.ts';
import type { NextStep, StepStatus, SuccessCheck } from '../model/nextStep.ts';
import type { Role } from '../model/role.ts';
import type { Decision } from '../model/selection.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { NextStepInput } from '../protocol/selectionCommands.ts';
import { type Checked, refuse } from './phaseRules.ts';

/** The parts a step needs before it counts as a tactic rather than an intention. */
export type StepMissing = 'owner' | 'due' | 'successCheck';

/**
 * What a step still lacks, in the order a planner fills them in. A success
 * check is complete only with a measure, a target and a review date: without
 * the date nobody is asked to look, so it is not yet a check.
 */
/** The fields `stepMissing` reads: the metric link is optional for a complete check. */
export type StepForStatus = Pick<NextStep, 'ownerName' | 'due'> & { successCheck: Pick<SuccessCheck, 'measure' | 'target' | 'reviewDate'> };

export function stepMissing(step: StepForStatus): StepMissing[] {
  const out: StepMissing[] = [];
  if (!step.ownerName.trim()) out.push('owner');
  if (!step.due) out.push('due');
  const c = step.successCheck;
  if (!c.measure.trim() || !c.target.trim() || !c.reviewDate) out.push('successCheck');
  return out;
}

/** A step is a tactic only with an owner, a due date and a complete success check; otherwise an intention. */
export const stepStatus = (step: StepForStatus): StepStatus => (stepMissing(step).length === 0 ? 'tactic' : 'intention');

/** Who is acting on a step. */
export interface StepActor {
  participantId: string;
  role: Role;
}

/** Facilitators edit any step; a participant edits only steps they own (`ownerId`); viewers none. */
export function canEditStep(step: Pick<NextStep, 'ownerId'>, actor: StepActor): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && step.ownerId === actor.participantId;
}

/**
 * Validates an upsert and returns the step to store. Rules:
 * - only a kept idea gets steps, and an edited step stays on its idea;
 * - the facilitator may create or edit any step and assign anyone;
 * - a participant may create a step only with themself as owner (volunteering),
 *   edit only their own steps, and not hand a step to someone else;
 * - an owner who is a participant is named from the session, not the client;
 * - an initiative, if named, is one of the brief's, and so is the success
 *   metric a success check says it is a leading indicator for;
 * - a recorded review survives edits (it is changed only by recordReview).
 */
export function checkUpsertStep(
  input: NextStepInput,
  ctx: {
    existing: NextStep | null;
    decision: Pick<Decision, 'verdict'> | null;
    brief: Pick<Brief, 'initiatives'> & { successMetrics?: Brief['successMetrics'] };
    participants: readonly { id: string; name: string }[];
    actor: StepActor;
    now: string;
    /** Makes the id for a new step when the client sent none. */
    newId: () => StepId;
  },
): Checked<NextStep> {
  const { existing, actor } = ctx;
  if (existing && existing.ideaId !== input.ideaId) {
    return refuse(409, ErrorCode.conflict, 'A step stays with its idea; create a new step for the other idea.');
  }
  if (ctx.decision?.verdict !== 'keep') {
    return refuse(409, ErrorCode.conflict, 'Only kept ideas get next steps; keep the idea first.');
  }
  if (actor.role === 'viewer') return refuse(403, ErrorCode.forbidden, 'Viewers cannot edit next steps.');
  if (actor.role === 'participant') {
    if (existing && !canEditStep(existing, actor)) {
      return refuse(403, ErrorCode.forbidden, 'You can edit only the steps you own; ask the facilitator.');
    }
    if (input.ownerId !== actor.participantId) {
      return refuse(
        403,
        ErrorCode.forbidden,
        existing
          ? 'Only the facilitator can hand a step to someone else.'
          : 'You can add a step only with yourself as owner; the facilitator assigns others.',
      );
    }
  }
  let ownerName = input.ownerName.trim();
  if (input.ownerId) {
    const owner = ctx.participants.find((p) => p.id === input.ownerId);
    if (!owner) return refuse(400, ErrorCode.invalidCommand, 'The owner is not a participant of this session.');
    ownerName = owner.name;
  }
  if (input.initiativeId && !ctx.brief.initiatives.some((i) => i.id === input.initiativeId)) {
    return refuse(400, ErrorCode.invalidCommand, 'The brief has no such initiative.');
  }
  const metric = input.successCheck.metric?.trim() || null;
  if (metric && !(ctx.brief.successMetrics ?? []).some((m) => m.name === metric)) {
    return refuse(400, ErrorCode.invalidCommand, `Not a success metric of the brief: ${metric}.`);
  }
  return {
    ok: true,
    value: {
      id: existing?.id ?? input.id ?? ctx.newId(),
      ideaId: input.ideaId,
      title: input.title.trim(),
      ownerId: input.ownerId,
      ownerName,
      due: input.due,
      outputs: input.outputs.map((o) => ({ kind: o.kind, description: o.description.trim() })),
      successCheck: {
        measure: input.successCheck.measure.trim(),
        target: input.successCheck.target.trim(),
        reviewDate: input.successCheck.reviewDate,
        metric,
      },
      workType: input.workType,
      initiativeId: input.initiativeId,
      review: existing?.review ?? null,
      updatedAt: ctx.now,
    },
  };
}

/** Deleting follows editing: the facilitator any step, a participant only their own. */
export function checkDeleteStep(step: NextStep | null, actor: StepActor): Checked<NextStep> {
  if (!step) return refuse(404, ErrorCode.notFound, 'No such step (it may already be deleted).');
  if (!canEditStep(step, actor)) {
    return refuse(403, ErrorCode.forbidden, 'You can delete only the steps you own; ask the facilitator.');
  }
  return { ok: true, value: step };
}

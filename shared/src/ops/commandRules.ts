import { PHASES, type Phase } from '../model/phase.ts';
import type { Role } from '../model/role.ts';
import type { CommandType } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { type Refusal, refuse } from './phaseRules.ts';

/**
 * Who may send a command, and when. The server checks it once, before any
 * handler runs, so a handler only judges what is particular to it (the
 * owner of a step, the person who asked for a generation).
 */
export interface CommandRule {
  roles: readonly Role[];
  phases: readonly Phase[];
  /** Writes nothing, so it runs without the session's command lock (a slow AI call must not stall the session). */
  readOnly?: true;
}

const EVERYONE = ['facilitator', 'participant', 'viewer'] as const;
const CONTRIBUTORS = ['facilitator', 'participant'] as const;
const FACILITATOR = ['facilitator'] as const;
const ANY_PHASE = PHASES;

/**
 * One entry for every command in the union: the type insists on it, and a
 * test enumerates `CommandSchema` against this table. Adding a command is
 * its schema, one entry here and one handler in the server's registry.
 * The AI is not a role: it never votes, scores or decides.
 */
export const COMMAND_RULES: { readonly [T in CommandType]: CommandRule } = {
  // The brief, phases and settings: the facilitator runs the session.
  updateBrief: { roles: FACILITATOR, phases: ANY_PHASE },
  setPhase: { roles: FACILITATOR, phases: ANY_PHASE },
  updateSettings: { roles: FACILITATOR, phases: ANY_PHASE },
  publishDrafts: { roles: FACILITATOR, phases: ['explore'] },
  // Converging: voting and scoring (select), deciding, planning, reviewing.
  setVoting: { roles: FACILITATOR, phases: ['explore', 'select'] },
  castVote: { roles: CONTRIBUTORS, phases: ['select'] },
  retractVote: { roles: CONTRIBUTORS, phases: ['select'] },
  // Open to every role so a viewer's panel can render (with nothing to spend).
  myVotes: { roles: EVERYONE, phases: ANY_PHASE, readOnly: true },
  score: { roles: CONTRIBUTORS, phases: ['select'] },
  reveal: { roles: FACILITATOR, phases: ['select'] },
  decide: { roles: FACILITATOR, phases: ['select', 'plan'] },
  upsertNextStep: { roles: CONTRIBUTORS, phases: ['plan'] },
  deleteNextStep: { roles: CONTRIBUTORS, phases: ['plan'] },
  recordReview: { roles: CONTRIBUTORS, phases: ['review'] },
  startFollowUp: { roles: FACILITATOR, phases: ['review'] },
  // Export and the outbound webhook.
  setWebhook: { roles: FACILITATOR, phases: ANY_PHASE },
  rotateWebhookSecret: { roles: FACILITATOR, phases: ANY_PHASE },
  finalisePlan: { roles: FACILITATOR, phases: ['plan', 'review'] },
  testWebhook: { roles: FACILITATOR, phases: ANY_PHASE },
  // The AI lane, while the board is open.
  generateIdeas: { roles: CONTRIBUTORS, phases: ['explore'] },
  // Whoever asked (or the facilitator) may cancel, in any phase: the handler checks who asked.
  cancelGeneration: { roles: CONTRIBUTORS, phases: ANY_PHASE },
  adoptAiIdea: { roles: CONTRIBUTORS, phases: ['explore'] },
  suggestClusters: { roles: CONTRIBUTORS, phases: ['explore'], readOnly: true },
  acceptClusterSuggestion: { roles: CONTRIBUTORS, phases: ['explore'] },
  // Async rounds: the schedule and the chat channel.
  setSchedule: { roles: FACILITATOR, phases: ANY_PHASE },
  setChatWebhook: { roles: FACILITATOR, phases: ANY_PHASE },
  // Live workshop facilitation: timeboxes and attention work in every phase (a timer for voting, a spotlight while deciding).
  startTimer: { roles: FACILITATOR, phases: ANY_PHASE },
  pauseTimer: { roles: FACILITATOR, phases: ANY_PHASE },
  resumeTimer: { roles: FACILITATOR, phases: ANY_PHASE },
  addTime: { roles: FACILITATOR, phases: ANY_PHASE },
  stopTimer: { roles: FACILITATOR, phases: ANY_PHASE },
  setAgenda: { roles: FACILITATOR, phases: ANY_PHASE },
  summon: { roles: FACILITATOR, phases: ANY_PHASE },
  spotlight: { roles: FACILITATOR, phases: ANY_PHASE },
  // Only participants say they are done: the facilitator runs the room, viewers watch.
  setReady: { roles: ['participant'], phases: ANY_PHASE },
  // Private brainwriting: counts per person, never the text; drafts exist only while the board is open.
  draftCounts: { roles: FACILITATOR, phases: ANY_PHASE, readOnly: true },
};

const PHASE_VERBS: Record<Phase, string> = {
  explore: 'while exploring',
  select: 'while selecting',
  plan: 'while planning',
  review: 'while reviewing',
};

const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * Role first, then phase: a viewer is told "viewers cannot" rather than
 * "wrong phase", because no phase would let them. Returns null when allowed.
 */
export function checkCommandAllowed(type: CommandType, role: Role, phase: Phase): Refusal | null {
  const rule = COMMAND_RULES[type];
  if (!rule.roles.includes(role)) {
    return refuse(403, ErrorCode.forbidden, `A ${role} cannot ${type}; only a ${list(rule.roles)} can.`);
  }
  if (!rule.phases.includes(phase)) {
    const when = rule.phases.map((p) => PHASE_VERBS[p]);
    return refuse(409, ErrorCode.wrongPhase, `${type} is only possible ${list(when)}; the session is in ${phase}.`);
  }
  return null;
}

import type { z } from 'zod';
import type { Agenda } from '../model/agenda.ts';
import type { Spotlight, Summon } from '../model/attention.ts';
import type { Brief } from '../model/brief.ts';
import type { NextStep, StepReview, StepStatus } from '../model/nextStep.ts';
import type { Decision } from '../model/selection.ts';
import type { Settings } from '../model/settings.ts';
import type { Timer } from '../model/timer.ts';
import type { ClusterSuggestion } from '../ops/suggestClusters.ts';
import type { CommandSchema, CommandType } from './commands.ts';
import type { FollowUpValue, MyVotesValue } from './selectionCommands.ts';

/**
 * A command as a client writes it: the schema's input side, so defaulted
 * fields (`count`) may be left out and ids are plain strings the server
 * validates. The server parses it into a `Command`.
 */
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandInputOf<T extends CommandType> = Extract<CommandInput, { type: T }>;

/** What drafts publishing answers (settings change, phase change, explicit publish). */
interface Published {
  published: number;
  /** Drafts that could not be read; absent when every draft was published. */
  failed?: number;
}

/**
 * The body of a successful command's answer, without the `ok: true` the
 * route adds, keyed by command type. Commands not listed answer a body
 * nobody reads yet (`CommandReply` falls back to an open record).
 */
export interface CommandReplies {
  updateBrief: { brief: Brief };
  setPhase: Published & { phase: string; previous: string; warnings: string[] };
  updateSettings: Published & { heldBack?: number };
  publishDrafts: Published;
  setVoting: { settings: Settings; revealed: boolean };
  castVote: MyVotesValue;
  retractVote: MyVotesValue;
  myVotes: MyVotesValue;
  score: MyVotesValue;
  reveal: { revealed: true; ideas: number };
  decide: { decision: Decision | null; deletedSteps: string[] };
  upsertNextStep: { step: NextStep; status: StepStatus };
  deleteNextStep: { deleted: string };
  recordReview: { stepId: string; review: StepReview };
  startFollowUp: FollowUpValue;
  /** `secret` only when a new one was made (a new URL): it is shown once. */
  setWebhook: { webhookUrl: string | null; secret?: string };
  rotateWebhookSecret: { webhookUrl: string; secret: string };
  testWebhook: { deliveryId: string };
  finalisePlan: { revision: number; finalisedAt: string; steps: number; intentions: number; gaps: number; deliveryId: string | null };
  generateIdeas: { requestId: string; generator: string; model?: string; label?: string };
  cancelGeneration: { requestId: string; status: string; count: number };
  adoptAiIdea: { ideaId: string; x: number; y: number };
  suggestClusters: { suggestions: ClusterSuggestion[]; generator: string; model?: string };
  acceptClusterSuggestion: { clusterId: string; ideaIds: string[] };
  startTimer: TimerReply;
  pauseTimer: TimerReply;
  resumeTimer: TimerReply;
  addTime: TimerReply;
  stopTimer: TimerReply;
  setAgenda: { agenda: Agenda };
  setReady: { ready: boolean; phase: string };
  summon: { summon: Summon };
  spotlight: { spotlight: Spotlight | null };
  draftCounts: { counts: Record<string, number> };
}

/** Every timer command answers with the new timer and the time left at the server's clock. */
interface TimerReply {
  timer: Timer;
  remainingMs: number;
}

export type CommandReply<T extends CommandType> = T extends keyof CommandReplies ? CommandReplies[T] : Record<string, unknown>;

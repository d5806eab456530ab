import { z } from 'zod';

/**
 * Branded ids: a string with a compile-time tag so an IdeaId can never be
 * passed where a StepId is expected. Each id also carries a readable prefix
 * (`idea:…`) so logs, exports and Yjs dumps say what they point at.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type SessionId = Brand<string, 'SessionId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type IdeaId = Brand<string, 'IdeaId'>;
export type ClusterId = Brand<string, 'ClusterId'>;
export type StepId = Brand<string, 'StepId'>;
export type InitiativeId = Brand<string, 'InitiativeId'>;
export type CriterionId = Brand<string, 'CriterionId'>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random id body of `size` characters (36^12 ≈ 4.7e18 by default).
 * Uses `crypto.getRandomValues`, which works in Node and in browsers served
 * over plain http (unlike `crypto.randomUUID`, which needs a secure context).
 */
export function randomId(size = 12): string {
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export const createSessionId = () => `ses_${randomId(14)}` as SessionId;
export const createParticipantId = () => `p_${randomId(10)}` as ParticipantId;
export const createIdeaId = () => `idea:${randomId()}` as IdeaId;
export const createClusterId = () => `cluster:${randomId()}` as ClusterId;
export const createStepId = () => `step:${randomId()}` as StepId;
export const createInitiativeId = () => `init:${randomId(8)}` as InitiativeId;
export const createCriterionId = () => `crit:${randomId(8)}` as CriterionId;

export const isIdeaId = (s: string): s is IdeaId => s.startsWith('idea:');
export const isClusterId = (s: string): s is ClusterId => s.startsWith('cluster:');
export const isStepId = (s: string): s is StepId => s.startsWith('step:');

/** Session ids appear in URLs and socket paths: keep them to a safe alphabet. */
export const SessionIdSchema = z
  .string()
  .regex(/^ses_[0-9a-z]{6,40}$/, 'not a session id')
  .transform((s) => s as SessionId);
export const ParticipantIdSchema = z
  .string()
  .regex(/^p_[0-9a-z]{4,40}$/, 'not a participant id')
  .transform((s) => s as ParticipantId);
export const IdeaIdSchema = z
  .string()
  .regex(/^idea:[0-9a-zA-Z_-]{1,64}$/, 'not an idea id')
  .transform((s) => s as IdeaId);
export const ClusterIdSchema = z
  .string()
  .regex(/^cluster:[0-9a-zA-Z_-]{1,64}$/, 'not a cluster id')
  .transform((s) => s as ClusterId);
export const StepIdSchema = z
  .string()
  .regex(/^step:[0-9a-zA-Z_-]{1,64}$/, 'not a step id')
  .transform((s) => s as StepId);
export const InitiativeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .transform((s) => s as InitiativeId);
export const CriterionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .transform((s) => s as CriterionId);

import { z } from 'zod';
import type { ParticipantId, SessionId } from './ids.ts';

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** What a signed token asserts. The server derives awareness identity from this, never from the client. */
export interface Identity {
  sessionId: SessionId;
  participantId: ParticipantId;
  role: Role;
  name: string;
}

/** A person who joined the session. */
export interface Participant {
  id: ParticipantId;
  name: string;
  role: Role;
  color: string;
  joinedAt: string;
}

/** A display name: trimmed, 1–40 characters, no control characters. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'a display name is required')
  .max(40, 'a display name is at most 40 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'a display name cannot contain control characters');

const PALETTE = ['#e8590c', '#1971c2', '#2f9e44', '#9c36b5', '#c2255c', '#0c8599', '#f08c00', '#5f3dc4', '#d6336c', '#087f5b'];

/** A stable colour per participant, so a cursor keeps its colour across reloads and devices. */
export function colorFor(participantId: string): string {
  let h = 0;
  for (let i = 0; i < participantId.length; i++) h = (h * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}

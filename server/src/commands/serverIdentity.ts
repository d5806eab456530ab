import type { Identity } from '@throughline/shared';
import type { SessionRecord } from '../store/Store.ts';

/** The participant id the server acts under when it changes a session by itself (the scheduler). */
export const SERVER_PARTICIPANT_ID = 'p_schedule';

/** The server's own identity: facilitator authority over phases, its own name in the audit log and in `changedBy`. */
export const serverIdentity = (session: SessionRecord): Identity => ({
  sessionId: session.id as Identity['sessionId'],
  participantId: SERVER_PARTICIPANT_ID as Identity['participantId'],
  role: 'facilitator',
  name: 'Schedule',
});

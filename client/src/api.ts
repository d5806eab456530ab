import type {
  ActivityReport,
  Brief,
  BriefInput,
  BriefWarning,
  CommandInput,
  CommandReply,
  Participant,
  PhaseState,
  Role,
  Settings,
  Template,
} from '@throughline/shared';
import { noteServerTime } from './session/serverClock.ts';

/** `POST /api/sessions` → 201. */
export interface CreatedSession {
  sessionId: string;
  facilitatorToken: string;
  participantId: string;
  invites: { participant: string; viewer: string };
  links: { facilitator: string; participant: string; viewer: string };
  warnings?: BriefWarning[];
}

export interface JoinResult {
  token: string;
  participantId: string;
  role: Role;
}

/** `GET /api/sessions/:id`. */
export interface SessionSummary {
  sessionId: string;
  title: string;
  brief: Brief | null;
  phase: PhaseState;
  settings: Settings;
  participants: Participant[];
  you: { participantId: string; role: Role; name: string; color: string };
  warnings: BriefWarning[];
  createdAt: string;
  /** Whether this server sends mail (SMTP configured). */
  notifications?: { mail: boolean };
  /** The server's clock when it answered (epoch ms). */
  serverTime?: number;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** An HTTP error from the API with its machine-readable code (`TL_ERR_…`), or status 0 for a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the Throughline server.');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  const serverTime = (data as { serverTime?: unknown } | null)?.serverTime;
  if (typeof serverTime === 'number') noteServerTime(serverTime, sentAt, Date.now());
  if (!res.ok) {
    const d = (data ?? {}) as { code?: string; message?: string; issues?: FieldIssue[] };
    throw new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? res.statusText, d.issues ?? []);
  }
  return data as T;
}

export const api = {
  createSession: (brief: BriefInput, facilitatorName?: string) =>
    request<CreatedSession>('POST', '/api/sessions', { body: { brief, ...(facilitatorName ? { facilitatorName } : {}) } }),
  join: (sessionId: string, invite: string, name: string, email?: string) =>
    request<JoinResult>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/join`, {
      body: { invite, name, ...(email ? { email } : {}) },
    }),
  /** What changed since `since`, or since this person last looked. */
  activity: (sessionId: string, token: string, since?: string) =>
    request<ActivityReport>(
      'GET',
      `/api/sessions/${encodeURIComponent(sessionId)}/activity${since ? `?since=${encodeURIComponent(since)}` : ''}`,
      {
        token,
      },
    ),
  /** This person has caught up: the next "what's new" starts here. */
  markSeen: (sessionId: string, token: string) =>
    request<{ ok: true }>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/seen`, { token }),
  /** A session from a template: its agenda and voting settings, with the brief the facilitator wrote. */
  createFromTemplate: (templateId: string, brief: BriefInput, facilitatorName?: string) =>
    request<CreatedSession>('POST', '/api/sessions', { body: { templateId, brief, ...(facilitatorName ? { facilitatorName } : {}) } }),
  templates: () => request<{ templates: Template[] }>('GET', '/api/templates'),
  getSession: (sessionId: string, token: string) =>
    request<SessionSummary>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, { token }),
  /** Sends a command; resolves with its typed answer or rejects with an `ApiError` carrying the server's code. */
  command: <C extends CommandInput>(sessionId: string, token: string, command: C) =>
    request<{ ok: true } & CommandReply<C['type']>>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/commands`, {
      token,
      body: command,
    }),
};

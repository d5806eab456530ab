import { type AiErrorKind, type AiRequestRecord, type Idea, isLensId, LENSES, type Provenance } from '@throughline/shared';

/** What a person can do about each kind of AI failure. Nothing on the board changed in any of them. */
export const AI_ERROR_ADVICE: Record<AiErrorKind, string> = {
  unavailable:
    'The AI service cannot be reached or has no such model. Whoever runs Throughline can check OPENAI_BASE_URL and THROUGHLINE_AI_MODEL.',
  auth: 'The AI service rejected the server’s API key. Whoever runs Throughline can check OPENAI_API_KEY.',
  'rate-limited': 'Too many AI requests right now. Wait a little and try again.',
  timeout: 'The AI took too long. Try again, perhaps asking for fewer ideas.',
  'invalid-output': 'The AI’s answer was not usable, so nothing from it was added. Try again.',
  upstream: 'The AI service is having trouble. Try again later.',
  frozen: 'The session moved on from exploring, so the board froze and generation stopped.',
  internal: 'Something went wrong on the server. Try again.',
};

/** The lens's readable name ("Inversion"), or the raw value for lenses we do not know. */
export const lensName = (lens: string | null | undefined): string =>
  !lens || lens === 'open' ? 'Open' : isLensId(lens) ? LENSES[lens].name : lens;

/** Human name of a generator as recorded in provenance: honest about the offline one. */
export const generatorName = (generator: string, model: string): string =>
  generator === 'offline' ? 'Offline generator (templates, no AI model)' : `AI model ${model}`;

/** The provenance line shown on hover: enough to reproduce or distrust an idea. */
export function provenanceText(p: Provenance | null, nameOf: (participantId: string) => string): string {
  if (!p) return 'No provenance recorded.';
  const parts = [
    generatorName(p.generator, p.model),
    `lens: ${lensName(p.lens)}`,
    `prompt ${p.promptVersion}`,
    `asked by ${nameOf(p.requestedBy)}`,
    `request ${p.requestId}`,
  ];
  if (p.seed !== undefined) parts.push(`seed ${p.seed}`);
  return parts.join(' · ');
}

/** One line of progress for a request, as its requester sees it. */
export function progressText(r: AiRequestRecord): string {
  const of = `${r.count} of ${r.requested}`;
  switch (r.status) {
    case 'running':
      return `Generating… ${of} idea${r.requested === 1 ? '' : 's'}`;
    case 'done':
      return r.count === r.requested
        ? `Added ${r.count} idea${r.count === 1 ? '' : 's'}`
        : `Added ${of} ideas — no more distinct ideas came back`;
    case 'cancelled':
      return r.error?.kind === 'frozen' ? `Stopped at ${of}: the board froze` : `Cancelled after ${of}`;
    case 'failed':
      return `Failed after ${of}: ${r.error?.message ?? 'unknown error'}`;
  }
}

export interface LaneGroup {
  requestId: string;
  record: AiRequestRecord | null;
  ideas: Idea[];
}

/**
 * The AI lane: ideas still waiting for adoption, grouped by the request that
 * made them, newest request first and ideas in the order they arrived.
 */
export function laneGroups(ideas: readonly Idea[], records: readonly AiRequestRecord[]): LaneGroup[] {
  const byRequest = new Map<string, Idea[]>();
  for (const i of ideas) {
    if (i.lane !== 'ai') continue;
    const key = i.provenance?.requestId ?? '';
    const list = byRequest.get(key) ?? [];
    list.push(i);
    byRequest.set(key, list);
  }
  const recordOf = new Map(records.map((r) => [r.requestId, r]));
  const started = (g: LaneGroup) => g.record?.startedAt ?? new Date(Math.min(...g.ideas.map((i) => i.createdAt))).toISOString();
  return [...byRequest.entries()]
    .map(([requestId, list]) => ({
      requestId,
      record: recordOf.get(requestId) ?? null,
      ideas: [...list].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => started(b).localeCompare(started(a)));
}

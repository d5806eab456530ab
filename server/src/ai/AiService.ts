import {
  AI_LIMITS,
  type AiErrorKind,
  type AiRequestRecord,
  type ClusterSuggestion,
  createIdeaId,
  type Idea,
  type Identity,
  insertIdea,
  NOTE_SIZE,
  Origins,
  pruneAiRequests,
  randomId,
  readIdeas,
  readPhase,
  writeAiRequest,
} from '@throughline/shared';
import type * as Y from 'yjs';
import type { RoomManager } from '../sync/RoomManager.ts';
import { AiError, isAiError } from './AiError.ts';
import type { ClusterRequest, GenerateRequest, IdeaGenerator } from './IdeaGenerator.ts';
import { SessionRateLimiter } from './SessionRateLimiter.ts';

export interface AiServiceLimits {
  /** Generation and suggestion requests a session may make per window. */
  requestsPerWindow: number;
  windowMs: number;
  /** Generations running at once in one session. */
  maxRunningPerSession: number;
  /** Finished status records kept on the board. */
  keepRecords: number;
  /** Longest a cluster suggestion may take (it holds the session's command queue). */
  suggestTimeoutMs: number;
}

export const DEFAULT_AI_LIMITS: AiServiceLimits = {
  requestsPerWindow: 10,
  windowMs: 60_000,
  maxRunningPerSession: 2,
  keepRecords: 30,
  suggestTimeoutMs: 20_000,
};

export interface AiServiceOptions {
  generator: IdeaGenerator;
  rooms: Pick<RoomManager, 'acquire' | 'release'>;
  limits?: Partial<AiServiceLimits>;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  now?: () => Date;
}

export type StartResult =
  | { ok: true; requestId: string; generator: string; model: string; label: string }
  | { ok: false; kind: 'rate-limited'; message: string; retryAfterMs: number };

interface Running {
  sessionId: string;
  requestedBy: string;
  ctrl: AbortController;
  done: Promise<void>;
}

const AI_LANE_COLOR = '#e5dbff';
const LANE_COLUMNS = 3;
const GAP = 20;

/**
 * Runs AI generations for every session: checks the per-session rate limit,
 * writes each idea into the board's AI lane as it arrives (tagged
 * `Origins.ai`, so the room persists it and relays it to every client),
 * keeps the request's status record current, and cancels on request, when
 * the board freezes, or on shutdown. Holds the board and control rooms for
 * as long as a generation runs, so they are not unloaded under it.
 */
export class AiService {
  readonly generator: IdeaGenerator;
  readonly limits: AiServiceLimits;
  readonly #rooms: AiServiceOptions['rooms'];
  readonly #log: AiServiceOptions['log'];
  readonly #now: () => Date;
  readonly #limiter: SessionRateLimiter;
  readonly #running = new Map<string, Running>();

  constructor(opts: AiServiceOptions) {
    this.generator = opts.generator;
    this.limits = { ...DEFAULT_AI_LIMITS, ...opts.limits };
    this.#rooms = opts.rooms;
    this.#log = opts.log;
    this.#now = opts.now ?? (() => new Date());
    this.#limiter = new SessionRateLimiter(this.limits.requestsPerWindow, this.limits.windowMs);
  }

  /** Generations running in `sessionId` now. */
  runningIn(sessionId: string): number {
    let n = 0;
    for (const r of this.#running.values()) if (r.sessionId === sessionId) n++;
    return n;
  }

  /**
   * Starts a generation and returns at once with its request id. The first
   * status record is written to `board` (the caller's loaded board doc)
   * before this returns, so the requester sees "running" immediately.
   */
  start(p: { sessionId: string; board: Y.Doc; identity: Identity; request: Omit<GenerateRequest, 'requestId'> }): StartResult {
    if (this.runningIn(p.sessionId) >= this.limits.maxRunningPerSession) {
      return {
        ok: false,
        kind: 'rate-limited',
        message: `This session already has ${this.limits.maxRunningPerSession} AI requests running; wait for one to finish or cancel it.`,
        retryAfterMs: 1_000,
      };
    }
    const limited = this.#checkRate(p.sessionId);
    if (limited) return limited;

    const requestId = `ai_${randomId(12)}`;
    const req: GenerateRequest = { ...p.request, requestId, count: Math.min(p.request.count, AI_LIMITS.maxIdeasPerRequest) };
    const record: AiRequestRecord = {
      requestId,
      status: 'running',
      requestedBy: p.identity.participantId,
      requestedByName: p.identity.name,
      generator: this.generator.name,
      model: this.generator.model,
      lens: req.lens,
      requested: req.count,
      count: 0,
      rejected: 0,
      error: null,
      startedAt: this.#now().toISOString(),
      finishedAt: null,
    };
    p.board.transact(() => writeAiRequest(p.board, record), Origins.ai);

    // Acquire synchronously (the hold is counted before the caller releases its own), await inside the run.
    const boardRoom = this.#rooms.acquire(p.sessionId, 'board');
    const controlRoom = this.#rooms.acquire(p.sessionId, 'control');
    const ctrl = new AbortController();
    const entry: Running = { sessionId: p.sessionId, requestedBy: p.identity.participantId, ctrl, done: Promise.resolve() };
    entry.done = this.#run(entry, req, record, boardRoom, controlRoom).catch((err) =>
      this.#log.error({ err: String(err), requestId }, 'AI generation crashed'),
    );
    this.#running.set(requestId, entry);
    return { ok: true, requestId, generator: this.generator.name, model: this.generator.model, label: this.generator.label };
  }

  /**
   * Cancels a running generation. Only the person who asked, or a
   * facilitator, may. Resolves once its final status is written. Ideas
   * already on the board stay there.
   */
  async cancel(sessionId: string, requestId: string, identity: Identity): Promise<'cancelled' | 'not-running' | 'forbidden'> {
    const r = this.#running.get(requestId);
    if (!r || r.sessionId !== sessionId) return 'not-running';
    if (r.requestedBy !== identity.participantId && identity.role !== 'facilitator') return 'forbidden';
    r.ctrl.abort();
    await r.done;
    return 'cancelled';
  }

  /** Proposes clusters with the configured generator, within the session's rate limit and a time bound. */
  async suggest(
    sessionId: string,
    req: ClusterRequest,
  ): Promise<{ ok: true; suggestions: ClusterSuggestion[] } | { ok: false; error: AiError; retryAfterMs?: number }> {
    const limited = this.#checkRate(sessionId);
    if (limited) return { ok: false, error: new AiError('rate-limited', limited.message), retryAfterMs: limited.retryAfterMs };
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.limits.suggestTimeoutMs);
    try {
      return { ok: true, suggestions: await this.generator.suggestClusters(req, ctrl.signal) };
    } catch (err) {
      if (ctrl.signal.aborted) return { ok: false, error: new AiError('timeout', 'The AI took too long to suggest groups.') };
      return { ok: false, error: isAiError(err) ? err : new AiError('internal', 'Suggesting groups failed.') };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Cancels everything and waits for the final status writes: for shutdown. */
  async closeAll(): Promise<void> {
    const all = [...this.#running.values()];
    for (const r of all) r.ctrl.abort();
    await Promise.all(all.map((r) => r.done));
  }

  #checkRate(sessionId: string): Extract<StartResult, { ok: false }> | null {
    const wait = this.#limiter.take(sessionId);
    if (wait === 0) return null;
    return {
      ok: false,
      kind: 'rate-limited',
      message: `This session has used its ${this.limits.requestsPerWindow} AI requests for now. Try again in ${Math.ceil(wait / 1000)} s.`,
      retryAfterMs: wait,
    };
  }

  async #run(
    entry: Running,
    req: GenerateRequest,
    record: AiRequestRecord,
    boardRoomP: ReturnType<AiServiceOptions['rooms']['acquire']>,
    controlRoomP: ReturnType<AiServiceOptions['rooms']['acquire']>,
  ): Promise<void> {
    const [boardRoom, controlRoom] = await Promise.all([boardRoomP, controlRoomP]);
    const board = boardRoom.doc;
    const control = controlRoom.doc;
    let frozen = false;
    // The board freezes when the session leaves explore: stop adding to it.
    const onControl = () => {
      if (readPhase(control).current !== 'explore' && !frozen) {
        frozen = true;
        entry.ctrl.abort();
      }
    };
    control.on('update', onControl);
    const state = { ...record };
    const write = (fn?: () => void) =>
      board.transact(() => {
        fn?.();
        writeAiRequest(board, { ...state });
      }, Origins.ai);
    let laneIndex = readIdeas(board).filter((i) => i.lane === 'ai').length;
    try {
      onControl();
      const ideas = this.generator.generate(req, entry.ctrl.signal, {
        rejected: () => {
          state.rejected++;
        },
      });
      for await (const idea of ideas) {
        if (entry.ctrl.signal.aborted) break;
        const i = laneIndex++;
        const note: Idea = {
          id: createIdeaId(),
          text: idea.text,
          x: (i % LANE_COLUMNS) * (NOTE_SIZE.width + GAP),
          y: Math.floor(i / LANE_COLUMNS) * (NOTE_SIZE.height + GAP),
          color: AI_LANE_COLOR,
          authorId: 'ai',
          authorName: this.generator.label,
          origin: 'ai',
          lane: 'ai',
          clusterId: null,
          createdAt: this.#now().getTime(),
          provenance: {
            generator: this.generator.name,
            model: this.generator.model,
            lens: idea.lens,
            promptVersion: this.generator.promptVersion,
            requestId: req.requestId,
            requestedBy: record.requestedBy,
            seed: req.seed,
            // A model may name any id: keep it only when the brief has that initiative.
            ...(idea.initiativeId && req.brief.initiatives.some((i) => i.id === idea.initiativeId)
              ? { initiativeId: idea.initiativeId }
              : {}),
          },
          adoptedBy: null,
          editedBy: null,
        };
        state.count++;
        write(() => insertIdea(board, note));
      }
      if (frozen)
        this.#finish(state, 'cancelled', 'frozen', 'The board froze (the session moved on from exploring), so generation stopped.');
      else if (entry.ctrl.signal.aborted) this.#finish(state, 'cancelled');
      else this.#finish(state, 'done');
    } catch (err) {
      if (frozen)
        this.#finish(state, 'cancelled', 'frozen', 'The board froze (the session moved on from exploring), so generation stopped.');
      else if (entry.ctrl.signal.aborted || (isAiError(err) && err.kind === 'cancelled')) this.#finish(state, 'cancelled');
      else {
        const e = isAiError(err) ? err : new AiError('internal', 'Something went wrong while generating ideas.');
        this.#log.warn({ requestId: req.requestId, kind: e.kind, status: e.status }, 'AI generation failed');
        this.#finish(state, 'failed', e.kind === 'cancelled' ? 'internal' : e.kind, e.message);
      }
    } finally {
      control.off('update', onControl);
      board.transact(() => {
        writeAiRequest(board, { ...state });
        pruneAiRequests(board, this.limits.keepRecords);
      }, Origins.ai);
      this.#running.delete(req.requestId);
      this.#rooms.release(boardRoom);
      this.#rooms.release(controlRoom);
    }
  }

  #finish(state: AiRequestRecord, status: AiRequestRecord['status'], kind?: AiErrorKind, message?: string): void {
    state.status = status;
    state.finishedAt = this.#now().toISOString();
    state.error = kind ? { kind, message: message ?? kind } : null;
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  AI_LIMITS,
  AiObjectStream,
  buildClusterPrompt,
  buildIdeaPrompt,
  type ClusterSuggestion,
  type GeneratedIdea,
  GeneratedIdeaSchema,
  IdeaDeduper,
  isLensId,
  PROMPT_VERSION,
} from '@throughline/shared';
import OpenAI from 'openai';
import { z } from 'zod';
import { AiError, isAiError } from './AiError.ts';
import { adaptToRefusal, CLASSIC_STYLE, completionParams, type ParamStyle } from './completionParams.ts';
import type { ClusterRequest, GenerateHooks, GenerateRequest, IdeaGenerator } from './IdeaGenerator.ts';
import { redactSecret } from './redactSecret.ts';

export interface OpenAiGeneratorOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, LM Studio); null for OpenAI itself. */
  baseUrl: string | null;
  model: string;
  /** Longest wait for the response headers of one attempt. */
  requestTimeoutMs?: number;
  /** Longest silence between two streamed chunks before the reply counts as hung. */
  idleTimeoutMs?: number;
  /** Everything, retries and waits included, must finish within this. */
  deadlineMs?: number;
  /** Retries after a 429, 5xx or connection failure (so at most `maxRetries + 1` attempts). */
  maxRetries?: number;
  /** A `retry-after` longer than this is not waited out: the request fails as rate limited. */
  maxRetryAfterMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

const DEFAULTS = {
  requestTimeoutMs: 20_000,
  idleTimeoutMs: 20_000,
  deadlineMs: 90_000,
  maxRetries: 2,
  maxRetryAfterMs: 20_000,
};

const ClusterLineSchema = z.object({
  title: z.string().trim().min(1).max(80),
  ideas: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])).min(2),
});

/** Why a run's combined signal fired, so an abort can be reported as the right error. */
type StopReason = 'cancelled' | 'deadline' | 'idle';

/**
 * Ideas from any OpenAI-compatible chat model through the official SDK.
 *
 * The reply is streamed and parsed incrementally (`AiObjectStream`): each
 * idea is validated with zod and yielded as soon as its JSON object closes.
 * Retries (429, 5xx, connection failures) happen only before anything was
 * yielded, honour `retry-after`, and never outlast the deadline. Aborting
 * the caller's signal, the deadline or a stalled stream aborts the upstream
 * HTTP request. The model gets no tools, and its output is bounded in count,
 * per-idea length and total length.
 */
export class OpenAiIdeaGenerator implements IdeaGenerator {
  readonly name = 'openai' as const;
  readonly model: string;
  readonly label: string;
  readonly promptVersion = PROMPT_VERSION;
  readonly #client: OpenAI;
  readonly #opts: typeof DEFAULTS;
  readonly #secret: string;
  readonly #log: OpenAiGeneratorOptions['log'];
  /** The parameters this model accepts, learnt from its refusals and kept for later requests. */
  #style: ParamStyle = CLASSIC_STYLE;

  constructor(opts: OpenAiGeneratorOptions) {
    this.model = opts.model;
    this.label = `AI (${opts.model})`;
    this.#secret = opts.apiKey;
    this.#log = opts.log;
    this.#opts = {
      requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
      deadlineMs: opts.deadlineMs ?? DEFAULTS.deadlineMs,
      maxRetries: opts.maxRetries ?? DEFAULTS.maxRetries,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    };
    this.#client = new OpenAI({
      apiKey: opts.apiKey,
      baseURL: opts.baseUrl ?? undefined,
      // We retry ourselves: the SDK's waits cannot be cancelled and ignore our deadline.
      maxRetries: 0,
      timeout: this.#opts.requestTimeoutMs,
      // The SDK would print raw upstream chunks; we log what we choose, redacted.
      logLevel: 'off',
    });
  }

  async *generate(req: GenerateRequest, signal: AbortSignal, hooks: GenerateHooks = {}): AsyncIterable<GeneratedIdea> {
    const prompt = buildIdeaPrompt({ brief: req.brief, count: req.count, lens: req.lens, riff: req.riff, avoid: req.avoid });
    const run = this.#runSignals(signal);
    const parser = new AiObjectStream({ maxObjectChars: AI_LIMITS.maxIdeaChars * 3 });
    const dedupe = new IdeaDeduper(req.avoid, 0.8);
    const maxReplyChars = req.count * (AI_LIMITS.maxIdeaChars + 120) + 2_000;
    let replyChars = 0;
    let yielded = 0;
    try {
      const stream = await this.#withRetries(run, (s, style) =>
        this.#client.chat.completions.create(
          {
            model: this.model,
            messages: prompt.messages,
            stream: true,
            ...completionParams(style, { maxTokens: prompt.maxTokens, temperature: 0.9, seed: req.seed }),
          },
          { signal: s },
        ),
      );
      run.armIdle();
      for await (const chunk of stream) {
        run.armIdle();
        const delta = chunk.choices[0]?.delta?.content ?? '';
        if (!delta) continue;
        replyChars += delta.length;
        if (replyChars > maxReplyChars) {
          throw new AiError('invalid-output', 'The model kept writing far past the requested ideas; its reply was cut off.');
        }
        for (const item of parser.push(delta)) {
          const idea = this.#accept(item, req, dedupe, hooks);
          if (!idea) continue;
          yield idea;
          // Stop reading (and close the upstream request) once we have what was asked for.
          if (++yielded >= req.count) return;
        }
      }
      for (const item of parser.end()) if (!item.ok) hooks.rejected?.(item.reason);
      // The SDK ends an aborted stream quietly: find out whether it was cut short.
      run.throwIfStopped();
      if (yielded === 0) {
        const chatter = parser.strayChars > 0 ? ' It answered with prose instead of the requested JSON lines.' : '';
        throw new AiError('invalid-output', `The model's reply contained no usable ideas.${chatter}`);
      }
    } catch (err) {
      throw this.#classify(err, run);
    } finally {
      run.dispose();
    }
  }

  async suggestClusters(req: ClusterRequest, signal: AbortSignal): Promise<ClusterSuggestion[]> {
    const ideas = req.ideas.slice(0, AI_LIMITS.maxClusterIdeas);
    const prompt = buildClusterPrompt({ brief: req.brief, ideas: ideas.map((i) => i.text) });
    const run = this.#runSignals(signal);
    try {
      const completion = await this.#withRetries(run, (s, style) =>
        this.#client.chat.completions.create(
          {
            model: this.model,
            messages: prompt.messages,
            ...completionParams(style, { maxTokens: prompt.maxTokens, temperature: 0.2 }),
          },
          { signal: s },
        ),
      );
      const parser = new AiObjectStream({ maxObjectChars: 4_000 });
      const items = [...parser.push(completion.choices[0]?.message?.content ?? ''), ...parser.end()];
      const used = new Set<number>();
      const out: ClusterSuggestion[] = [];
      for (const item of items) {
        if (!item.ok) continue;
        const parsed = ClusterLineSchema.safeParse(item.value);
        if (!parsed.success) continue;
        // Enforce the invariants the model was asked for: real indexes, each idea in one group, two or more per group.
        const members = [...new Set(parsed.data.ideas)].filter((i) => i >= 0 && i < ideas.length && !used.has(i));
        if (members.length < 2) continue;
        for (const i of members) used.add(i);
        out.push({ title: parsed.data.title, ideaIds: members.map((i) => (ideas[i] as { id: string }).id) });
      }
      if (out.length === 0 && items.length > 0 && items.every((i) => !i.ok || !ClusterLineSchema.safeParse(i.value).success)) {
        throw new AiError('invalid-output', 'The model did not return groups in the requested format.');
      }
      return out;
    } catch (err) {
      throw this.#classify(err, run);
    } finally {
      run.dispose();
    }
  }

  /** Validates one streamed object into an idea, or reports why not. */
  #accept(
    item: ReturnType<AiObjectStream['push']>[number],
    req: GenerateRequest,
    dedupe: IdeaDeduper,
    hooks: GenerateHooks,
  ): GeneratedIdea | null {
    if (!item.ok) {
      hooks.rejected?.(item.reason);
      return null;
    }
    const parsed = GeneratedIdeaSchema.safeParse(item.value);
    if (!parsed.success) {
      const text = (item.value as { text?: unknown } | null)?.text;
      hooks.rejected?.(typeof text === 'string' && text.length > AI_LIMITS.maxIdeaChars ? 'too-long' : 'invalid');
      return null;
    }
    if (!dedupe.tryAdd(parsed.data.text)) {
      hooks.rejected?.('duplicate');
      return null;
    }
    // The lens is provenance: record the one asked for, or the model's claim only if it names a real lens.
    const lens = req.lens ?? (isLensId(parsed.data.lens) ? parsed.data.lens : 'open');
    return { text: parsed.data.text, lens };
  }

  /**
   * Runs `open` (which starts an HTTP request) with bounded retries that
   * honour `retry-after` and the deadline. A refusal of one of our sampling
   * parameters is retried at once without it (see `adaptToRefusal`); that
   * does not count as a retry. `open` gets the style to send.
   */
  async #withRetries<T>(run: RunSignals, open: (signal: AbortSignal, style: ParamStyle) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // Adapt what this request sent, not what another request has learnt meanwhile.
      const style = this.#style;
      try {
        return await open(run.signal, style);
      } catch (err) {
        const status = err instanceof OpenAI.APIError ? err.status : undefined;
        const adapted = err instanceof OpenAI.APIError && !run.signal.aborted ? adaptToRefusal(style, err) : null;
        if (adapted) {
          // Each adaptation drops a parameter, so this cannot go on for ever.
          if (this.#style === style) {
            this.#log?.warn({ model: this.model, style: adapted }, 'AI model refused a parameter; retrying without it');
            this.#style = adapted;
          }
          attempt--;
          continue;
        }
        const retryable =
          !run.signal.aborted &&
          (err instanceof OpenAI.APIConnectionError || status === 429 || status === 408 || (status !== undefined && status >= 500));
        if (!retryable || attempt >= this.#opts.maxRetries) throw err;
        const hinted = retryAfterMs(err);
        const wait = hinted ?? Math.min(500 * 2 ** attempt, 4_000);
        if (hinted !== undefined && hinted > this.#opts.maxRetryAfterMs) throw err;
        if (Date.now() + wait >= run.deadlineAt) throw err;
        this.#log?.warn({ status, attempt: attempt + 1, waitMs: Math.round(wait) }, 'AI request failed; retrying');
        await sleep(wait, undefined, { signal: run.signal }).catch(() => {});
        run.throwIfStopped();
      }
    }
  }

  /** Turns anything thrown into an `AiError` whose message is ours, never the upstream's. */
  #classify(err: unknown, run: RunSignals): AiError {
    const stopped = run.reason();
    if (stopped === 'cancelled') return new AiError('cancelled', 'Cancelled.');
    if (stopped === 'deadline')
      return new AiError('timeout', `The AI did not finish within ${Math.round(this.#opts.deadlineMs / 1000)} s.`);
    if (stopped === 'idle')
      return new AiError('timeout', `The AI stopped responding for ${Math.round(this.#opts.idleTimeoutMs / 1000)} s.`);
    if (isAiError(err)) return err;
    if (err instanceof OpenAI.APIConnectionTimeoutError) return new AiError('timeout', 'The AI service did not answer in time.');
    if (err instanceof OpenAI.APIConnectionError) return new AiError('unavailable', 'The AI service could not be reached.');
    if (err instanceof OpenAI.APIError && err.status !== undefined) {
      const s = err.status;
      this.#log?.warn({ status: s, upstream: redactSecret(err.message, this.#secret).slice(0, 300) }, 'AI request failed');
      if (s === 401 || s === 403) return new AiError('auth', 'The AI service rejected the server’s API key.', s);
      if (s === 429) {
        const wait = retryAfterMs(err);
        const hint = wait !== undefined ? ` Try again in about ${Math.max(1, Math.round(wait / 1000))} s.` : ' Try again in a minute.';
        return new AiError('rate-limited', `The AI service is rate limiting requests.${hint}`, s);
      }
      if (s === 404) return new AiError('unavailable', `The model “${this.model}” is not available on the AI service.`, s);
      if (s >= 500) return new AiError('upstream', `The AI service failed (HTTP ${s}) after ${this.#opts.maxRetries + 1} attempts.`, s);
      return new AiError('upstream', `The AI service refused the request (HTTP ${s}).`, s);
    }
    if (err instanceof OpenAI.APIError || err instanceof SyntaxError) {
      return new AiError('invalid-output', 'The AI service sent a reply that is not a valid stream.');
    }
    this.#log?.warn({ err: redactSecret(String(err), this.#secret).slice(0, 300) }, 'AI request failed unexpectedly');
    return new AiError('internal', 'Something went wrong while talking to the AI service.');
  }

  #runSignals(caller: AbortSignal): RunSignals {
    return new RunSignals(caller, this.#opts.deadlineMs, this.#opts.idleTimeoutMs);
  }
}

/** `retry-after-ms` or `retry-after` (seconds or an HTTP date) from an API error, in ms. */
function retryAfterMs(err: unknown): number | undefined {
  if (!(err instanceof OpenAI.APIError) || !err.headers) return undefined;
  const ms = Number.parseFloat(err.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = err.headers.get('retry-after');
  if (!raw) return undefined;
  const secs = Number.parseFloat(raw);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * The caller's cancel signal, the overall deadline and the idle watchdog,
 * combined into the one signal handed to the SDK (which aborts the HTTP
 * request), while remembering which of them fired.
 */
class RunSignals {
  readonly deadlineAt: number;
  readonly signal: AbortSignal;
  readonly #ctrl = new AbortController();
  #stop: StopReason | null = null;
  readonly #deadlineTimer: NodeJS.Timeout;
  #idleTimer: NodeJS.Timeout | null = null;
  readonly #onCallerAbort = () => this.#fire('cancelled');

  constructor(
    private readonly caller: AbortSignal,
    deadlineMs: number,
    private readonly idleMs: number,
  ) {
    this.deadlineAt = Date.now() + deadlineMs;
    this.signal = this.#ctrl.signal;
    this.#deadlineTimer = setTimeout(() => this.#fire('deadline'), deadlineMs);
    // Never the reason the process stays up: the HTTP request itself holds it while it matters.
    this.#deadlineTimer.unref();
    if (caller.aborted) this.#fire('cancelled');
    else caller.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** (Re)starts the watchdog: the stream must deliver something within `idleMs`. */
  armIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#fire('idle'), this.idleMs);
    this.#idleTimer.unref();
  }

  reason(): StopReason | null {
    return this.#stop;
  }

  throwIfStopped(): void {
    if (this.#stop) throw new AiError(this.#stop === 'cancelled' ? 'cancelled' : 'timeout', this.#stop);
  }

  dispose(): void {
    clearTimeout(this.#deadlineTimer);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.caller.removeEventListener('abort', this.#onCallerAbort);
  }

  #fire(reason: StopReason): void {
    if (this.#stop) return;
    this.#stop = reason;
    this.#ctrl.abort();
  }
}

import { type GeneratedIdea, mulberry32, OFFLINE_GENERATOR, offlineIdeas, suggestClusters } from '@throughline/shared';
import { AiError } from './AiError.ts';
import type { ClusterRequest, GenerateRequest, IdeaGenerator } from './IdeaGenerator.ts';

/** How far apart offline ideas arrive, in ms: about a model's pace, so people see the lane fill one by one. */
export const OFFLINE_PACE_MS = 220;

/**
 * The default generator: no key, no network, reproducible by seed. It is
 * template-driven (see `offlineIdeas`), and says so in its label, so nobody
 * mistakes its ideas for a language model's. Ideas are paced like a model's
 * stream (`paceMs` ± a third, jittered by seed; 0 for none) and a cancel
 * stops the wait at once.
 */
export class OfflineIdeaGenerator implements IdeaGenerator {
  constructor(private readonly paceMs = OFFLINE_PACE_MS) {}

  readonly name = 'offline' as const;
  readonly model = OFFLINE_GENERATOR.model;
  readonly label = 'Offline idea generator (lenses, no AI model)';
  readonly promptVersion = OFFLINE_GENERATOR.model;

  async *generate(req: GenerateRequest, signal: AbortSignal): AsyncIterable<GeneratedIdea> {
    const ideas = offlineIdeas({
      brief: req.brief,
      count: req.count,
      lens: req.lens,
      riff: req.riff ? req.riff.title : null,
      avoid: req.avoid,
      seed: req.seed,
    });
    const jitter = mulberry32(req.seed ^ 0x5eed);
    for (const idea of ideas) {
      const wait = this.paceMs > 0 ? Math.round(this.paceMs * (2 / 3 + (2 / 3) * jitter())) : 0;
      // Even unpaced, yield to other work (sync, cancellation) between ideas, as a model stream would.
      await pause(wait, signal);
      if (signal.aborted) throw new AiError('cancelled', 'cancelled');
      yield idea;
    }
  }

  async suggestClusters(req: ClusterRequest): Promise<ReturnType<typeof suggestClusters>> {
    return suggestClusters(req.ideas);
  }
}

/** Waits `ms` (or one turn of the event loop for 0), ending early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      setImmediate(resolve);
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

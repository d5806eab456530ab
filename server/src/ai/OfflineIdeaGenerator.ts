import { type GeneratedIdea, OFFLINE_GENERATOR, offlineIdeas, suggestClusters } from '@throughline/shared';
import { AiError } from './AiError.ts';
import type { ClusterRequest, GenerateRequest, IdeaGenerator } from './IdeaGenerator.ts';

/**
 * The default generator: no key, no network, reproducible by seed. It is
 * template-driven (see `offlineIdeas`), and says so in its label, so nobody
 * mistakes its ideas for a language model's.
 */
export class OfflineIdeaGenerator implements IdeaGenerator {
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
    for (const idea of ideas) {
      if (signal.aborted) throw new AiError('cancelled', 'cancelled');
      yield idea;
      // Let other work (sync, cancellation) run between ideas, as a model stream would.
      await new Promise((r) => setImmediate(r));
    }
  }

  async suggestClusters(req: ClusterRequest): Promise<ReturnType<typeof suggestClusters>> {
    return suggestClusters(req.ideas);
  }
}

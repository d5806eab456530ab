import type { Counter } from 'prom-client';
import type { IdeaGenerator } from './IdeaGenerator.ts';

/**
 * The same generator, counting each request to it by kind and outcome
 * (`throughline_ai_requests_total`): ok, error, or cancelled.
 */
export function countedGenerator(inner: IdeaGenerator, requests: Counter<'kind' | 'outcome'>): IdeaGenerator {
  const outcome = (err: unknown, signal: AbortSignal) => (signal.aborted ? 'cancelled' : err ? 'error' : 'ok');
  return {
    name: inner.name,
    model: inner.model,
    label: inner.label,
    promptVersion: inner.promptVersion,
    async *generate(req, signal, hooks) {
      let failure: unknown = null;
      try {
        yield* inner.generate(req, signal, hooks);
      } catch (err) {
        failure = err ?? new Error('failed');
        throw err;
      } finally {
        requests.inc({ kind: 'ideas', outcome: outcome(failure, signal) });
      }
    },
    async suggestClusters(req, signal) {
      try {
        const result = await inner.suggestClusters(req, signal);
        requests.inc({ kind: 'clusters', outcome: 'ok' });
        return result;
      } catch (err) {
        requests.inc({ kind: 'clusters', outcome: outcome(err ?? new Error('failed'), signal) });
        throw err;
      }
    },
  };
}

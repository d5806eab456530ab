import type { IdeaGenerator } from './IdeaGenerator.ts';
import { OfflineIdeaGenerator } from './OfflineIdeaGenerator.ts';
import type { OpenAiGeneratorOptions } from './OpenAiIdeaGenerator.ts';

/** The AI part of the server's configuration (from `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `THROUGHLINE_AI_MODEL`). */
export interface AiGeneratorConfig {
  apiKey: string | null;
  baseUrl: string | null;
  model: string;
  /** Milliseconds between offline ideas (`THROUGHLINE_AI_OFFLINE_PACE_MS`); 0 streams them as fast as possible. */
  offlinePaceMs?: number;
}

/**
 * Chooses the generator from configuration: the OpenAI-compatible one when a
 * key or a base URL is set (local servers such as Ollama accept any key),
 * otherwise the offline one. Nothing else decides which generator runs.
 * The OpenAI SDK is loaded only when it is chosen (it is a few MB of memory).
 */
export async function createIdeaGenerator(
  config: AiGeneratorConfig,
  extra: Omit<OpenAiGeneratorOptions, 'apiKey' | 'baseUrl' | 'model'> = {},
): Promise<IdeaGenerator> {
  if (!config.apiKey && !config.baseUrl) return new OfflineIdeaGenerator(config.offlinePaceMs);
  const { OpenAiIdeaGenerator } = await import('./OpenAiIdeaGenerator.ts');
  return new OpenAiIdeaGenerator({
    ...extra,
    // Local OpenAI-compatible servers ignore the key, but the SDK insists on one.
    apiKey: config.apiKey ?? 'not-needed',
    baseUrl: config.baseUrl,
    model: config.model,
  });
}

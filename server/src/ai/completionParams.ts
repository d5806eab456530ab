/**
 * Which of our sampling parameters a chat model accepts. Models differ:
 * reasoning models (OpenAI's o-series and GPT-5 family, and servers that
 * copy them) refuse `max_tokens` in favour of `max_completion_tokens` and
 * accept only the default temperature; some compatible servers refuse
 * `seed`. Rather than keep a list of model names, the generator starts with
 * the classic parameters and learns from the first refusal.
 */
export interface ParamStyle {
  /** How the reply's length is capped, or null when the server refuses both names. */
  tokenLimit: 'max_tokens' | 'max_completion_tokens' | null;
  temperature: boolean;
  seed: boolean;
}

export const CLASSIC_STYLE: ParamStyle = { tokenLimit: 'max_tokens', temperature: true, seed: true };

/**
 * Reasoning models spend completion tokens on thinking before the first
 * visible word, so their cap must leave room for it. The reply itself stays
 * bounded by the generator's own character limit.
 */
export const REASONING_ALLOWANCE_TOKENS = 8_000;

export interface Sampling {
  maxTokens: number;
  temperature: number;
  seed?: number;
}

/** The request fields for `sampling` in `style`. */
export function completionParams(style: ParamStyle, sampling: Sampling): Record<string, number> {
  const out: Record<string, number> = {};
  if (style.tokenLimit === 'max_tokens') out.max_tokens = sampling.maxTokens;
  if (style.tokenLimit === 'max_completion_tokens') out.max_completion_tokens = sampling.maxTokens + REASONING_ALLOWANCE_TOKENS;
  if (style.temperature) out.temperature = sampling.temperature;
  if (style.seed && sampling.seed !== undefined) out.seed = sampling.seed;
  return out;
}

/** What the refusal tells us: the HTTP status, and the API's `param` and message. */
export interface Refusal {
  status: number | undefined;
  param: string | null | undefined;
  message: string;
}

const UNSUPPORTED = /unsupported|not supported|unknown parameter|unrecognized/i;

/**
 * The style to retry with after a 400 that names one of our parameters, or
 * null when the refusal is about something else (or the style already
 * avoids that parameter, so retrying could not help).
 */
export function adaptToRefusal(style: ParamStyle, refusal: Refusal): ParamStyle | null {
  // Only "this model does not take that parameter" teaches anything; "max_tokens is too large" does not.
  if (refusal.status !== 400 || !UNSUPPORTED.test(refusal.message)) return null;
  const names = (name: string) => refusal.param === name || refusal.message.includes(`'${name}'`);
  if (style.tokenLimit === 'max_tokens' && names('max_tokens')) {
    return { ...style, tokenLimit: refusal.message.includes('max_completion_tokens') ? 'max_completion_tokens' : null };
  }
  if (style.tokenLimit === 'max_completion_tokens' && names('max_completion_tokens')) return { ...style, tokenLimit: null };
  if (style.temperature && names('temperature')) return { ...style, temperature: false };
  if (style.seed && names('seed')) return { ...style, seed: false };
  return null;
}

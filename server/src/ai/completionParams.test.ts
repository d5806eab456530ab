import { describe, expect, it } from 'vitest';
import { adaptToRefusal, CLASSIC_STYLE, completionParams, REASONING_ALLOWANCE_TOKENS } from './completionParams.ts';

const sampling = { maxTokens: 1200, temperature: 0.9, seed: 7 };
// The refusals as OpenAI words them for its reasoning models.
const maxTokensRefused = {
  status: 400,
  param: 'max_tokens',
  message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
};
const temperatureRefused = {
  status: 400,
  param: 'temperature',
  message: "Unsupported value: 'temperature' does not support 0.9 with this model. Only the default (1) value is supported.",
};

describe('completionParams', () => {
  it('sends the classic parameters by default', () => {
    expect(completionParams(CLASSIC_STYLE, sampling)).toEqual({ max_tokens: 1200, temperature: 0.9, seed: 7 });
    expect(completionParams(CLASSIC_STYLE, { maxTokens: 10, temperature: 0.2 })).toEqual({ max_tokens: 10, temperature: 0.2 });
  });

  it('caps a reasoning model with room to think, and leaves out what it refused', () => {
    const style = { tokenLimit: 'max_completion_tokens' as const, temperature: false, seed: true };
    expect(completionParams(style, sampling)).toEqual({ max_completion_tokens: 1200 + REASONING_ALLOWANCE_TOKENS, seed: 7 });
  });
});

describe('adaptToRefusal', () => {
  it('learns a reasoning model one refusal at a time', () => {
    const first = adaptToRefusal(CLASSIC_STYLE, maxTokensRefused);
    expect(first).toEqual({ tokenLimit: 'max_completion_tokens', temperature: true, seed: true });
    const second = adaptToRefusal(first ?? CLASSIC_STYLE, temperatureRefused);
    expect(second).toEqual({ tokenLimit: 'max_completion_tokens', temperature: false, seed: true });
  });

  it('reads the parameter from the message when a proxy drops `param`', () => {
    expect(adaptToRefusal(CLASSIC_STYLE, { ...maxTokensRefused, param: undefined })?.tokenLimit).toBe('max_completion_tokens');
    expect(adaptToRefusal(CLASSIC_STYLE, { status: 400, param: null, message: "Unknown parameter: 'seed'." })?.seed).toBe(false);
    expect(adaptToRefusal(CLASSIC_STYLE, { status: 400, param: 'max_tokens', message: 'not supported' })?.tokenLimit).toBeNull();
  });

  it('does not drop a cap the model merely finds too large', () => {
    const tooLarge = {
      status: 400,
      param: 'max_tokens',
      message: 'max_tokens is too large: 20000. This model supports at most 4096 completion tokens.',
    };
    expect(adaptToRefusal(CLASSIC_STYLE, tooLarge)).toBeNull();
  });

  it('gives up when the refusal is about something else or was already taken into account', () => {
    expect(adaptToRefusal(CLASSIC_STYLE, { status: 400, param: 'messages', message: 'messages too long' })).toBeNull();
    expect(adaptToRefusal(CLASSIC_STYLE, { ...maxTokensRefused, status: 401 })).toBeNull();
    const learnt = { tokenLimit: null, temperature: false, seed: false };
    expect(adaptToRefusal(learnt, maxTokensRefused)).toBeNull();
    expect(adaptToRefusal(learnt, temperatureRefused)).toBeNull();
  });
});

import { COMMAND_RULES, CommandSchema } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { handlers } from './registry.ts';

describe('the command registry', () => {
  it('has a handler and a rule for every command in the union', () => {
    const types = CommandSchema.options.map((o) => o.shape.type.value);
    expect(types.filter((t) => typeof handlers[t] !== 'function')).toEqual([]);
    expect(types.filter((t) => !Object.hasOwn(COMMAND_RULES, t))).toEqual([]);
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { PHASES } from '../model/phase.ts';
import { CommandSchema } from '../protocol/commands.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { COMMAND_RULES, checkCommandAllowed } from './commandRules.ts';

/** Every `type` literal in the command union, read from the schema itself rather than a list kept by hand. */
const commandTypes = CommandSchema.options.map((o) => o.shape.type.value);

describe('COMMAND_RULES', () => {
  it('has one rule for every command in the union, and none for a command that does not exist', () => {
    expect(commandTypes.length).toBeGreaterThan(20);
    const missing = commandTypes.filter((t) => !Object.hasOwn(COMMAND_RULES, t));
    expect(missing, `commands without a rule in COMMAND_RULES: ${missing.join(', ')}`).toEqual([]);
    const unknown = Object.keys(COMMAND_RULES).filter((t) => !(commandTypes as string[]).includes(t));
    expect(unknown, 'rules for commands that are not in the union').toEqual([]);
  });

  it('lets somebody send every command at some point', () => {
    for (const type of commandTypes) {
      expect(COMMAND_RULES[type].roles.length, type).toBeGreaterThan(0);
      expect(COMMAND_RULES[type].phases.length, type).toBeGreaterThan(0);
      expect(
        COMMAND_RULES[type].phases.every((p) => (PHASES as readonly string[]).includes(p)),
        type,
      ).toBe(true);
    }
  });

  it('keeps the session, the webhook and publishing to the facilitator, and every change away from viewers', () => {
    for (const type of [
      'updateBrief',
      'setPhase',
      'updateSettings',
      'publishDrafts',
      'setWebhook',
      'rotateWebhookSecret',
      'testWebhook',
      'finalisePlan',
    ] as const) {
      expect(checkCommandAllowed(type, 'participant', 'plan'), type).toMatchObject({ status: 403, code: ErrorCode.forbidden });
    }
    for (const type of commandTypes.filter((t) => t !== 'myVotes')) {
      expect(checkCommandAllowed(type, 'viewer', 'explore'), type).toMatchObject({ code: ErrorCode.forbidden });
    }
  });
});

describe('checkCommandAllowed', () => {
  it('lets nobody vote, score or decide while exploring', () => {
    for (const type of ['castVote', 'score', 'decide', 'reveal'] as const) {
      expect(checkCommandAllowed(type, 'facilitator', 'explore')).toMatchObject({ code: ErrorCode.wrongPhase });
    }
  });

  it('keeps deciding and revealing to the facilitator and voting away from viewers', () => {
    expect(checkCommandAllowed('decide', 'participant', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('reveal', 'participant', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('castVote', 'viewer', 'select')).toMatchObject({ code: ErrorCode.forbidden });
    expect(checkCommandAllowed('castVote', 'participant', 'select')).toBeNull();
    expect(checkCommandAllowed('decide', 'facilitator', 'plan')).toBeNull();
  });

  it('names the role problem before the phase problem', () => {
    expect(checkCommandAllowed('reveal', 'viewer', 'plan')).toMatchObject({ code: ErrorCode.forbidden });
  });

  it('plans only in plan and reviews only in review', () => {
    expect(checkCommandAllowed('upsertNextStep', 'facilitator', 'select')).toMatchObject({
      code: ErrorCode.wrongPhase,
    });
    expect(checkCommandAllowed('recordReview', 'participant', 'plan')).toMatchObject({ code: ErrorCode.wrongPhase });
    expect(checkCommandAllowed('recordReview', 'participant', 'review')).toBeNull();
  });
});

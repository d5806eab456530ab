import { CommandSchema, ErrorCode, type Identity, Origins, PRIVATE_DOC, zodIssues } from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import type { SessionRecord } from '../store/Store.ts';
import type { CommandContext, CommandHandler, CommandResult } from './CommandContext.ts';
import { handlers } from './registry.ts';

export type RunResult = CommandResult | { ok: false; status: 400; code: typeof ErrorCode.invalidCommand; message: string; issues: unknown };

/** Commands of one session run one at a time, so read-check-write handlers never interleave. */
const queues = new Map<string, Promise<unknown>>();

function serialise<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(sessionId) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  const tail = next.catch(() => {});
  queues.set(sessionId, tail);
  tail.then(() => {
    if (queues.get(sessionId) === tail) queues.delete(sessionId);
  });
  return next;
}

/**
 * Validates, authorises (inside the handler), applies and audits one
 * command. Refused commands are audited too: the log shows who tried what.
 */
export async function runCommand(app: FastifyInstance, session: SessionRecord, identity: Identity, body: unknown): Promise<RunResult> {
  const parsed = CommandSchema.safeParse(body);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return {
      ok: false,
      status: 400,
      code: ErrorCode.invalidCommand,
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      issues,
    };
  }
  const cmd = parsed.data;
  return serialise(session.id, () =>
    app.rooms.with(session.id, ['board', 'control', PRIVATE_DOC], async (board, control, priv) => {
      const ctx: CommandContext = {
        session,
        identity,
        board: (board as { doc: Y.Doc }).doc,
        control: (control as { doc: Y.Doc }).doc,
        privateDoc: (priv as { doc: Y.Doc }).doc,
        transact: (doc, fn) => doc.transact(fn, Origins.command),
        now: () => new Date(),
        participants: () => app.store.listParticipants(session.id),
        app,
        log: app.log,
      };
      const handler = handlers[cmd.type] as CommandHandler<typeof cmd.type>;
      const result = await handler(cmd as never, ctx);
      await app.store.appendAudit({
        sessionId: session.id,
        participantId: identity.participantId,
        role: identity.role,
        type: cmd.type,
        payload: cmd,
        outcome: result.ok ? 'ok' : result.code,
        at: ctx.now().toISOString(),
      });
      return result;
    }),
  );
}

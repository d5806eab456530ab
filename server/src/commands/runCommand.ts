import {
  COMMAND_RULES,
  CommandSchema,
  checkCommandAllowed,
  ErrorCode,
  type Identity,
  Origins,
  PRIVATE_DOC,
  readPhase,
  zodIssues,
} from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import type { AuditEntry, SessionRecord } from '../store/Store.ts';
import type { Room } from '../sync/Room.ts';
import type { CommandContext, CommandHandler, CommandResult } from './CommandContext.ts';
import { handlers } from './registry.ts';
import { serverIdentity } from './serverIdentity.ts';

export type RunResult = CommandResult | { ok: false; status: 400; code: typeof ErrorCode.invalidCommand; message: string; issues: unknown };

/**
 * Runs `fn` holding the session's command lock (across every instance on
 * the same store), so read-check-write handlers never interleave. `fn`
 * settles only once its writes have, so the next holder, on any instance,
 * reads them from the store.
 */
async function exclusively<T>(app: FastifyInstance, sessionId: string, fn: () => Promise<T>): Promise<T> {
  const unlock = await app.store.lockSession(sessionId);
  try {
    return await fn();
  } finally {
    await unlock();
  }
}

/** Largest raw body (as JSON) kept in the audit log for a command that failed validation. */
export const MAX_AUDITED_INVALID_BODY = 2048;

/**
 * Appends one audit entry. The log is a record, not a gate: a failed append
 * is logged and never turns the command's own outcome into an error.
 *
 * The audit log holds votes and scores before reveal: it is server-only,
 * and no route may expose it.
 */
async function audit(app: FastifyInstance, entry: AuditEntry): Promise<void> {
  try {
    await app.store.appendAudit(entry);
  } catch (err) {
    app.log.error({ err, sessionId: entry.sessionId, type: entry.type, outcome: entry.outcome }, 'could not append to the audit log');
  }
}

/** What of a body that failed validation goes into the audit log: its `type` if it names one, and the body itself if small. */
function invalidBodyAudit(body: unknown): { type: string; payload: unknown } {
  const rawType = body !== null && typeof body === 'object' ? (body as { type?: unknown }).type : undefined;
  const type = typeof rawType === 'string' ? rawType.slice(0, 64) : 'invalid';
  let payload: unknown = null;
  try {
    const json = JSON.stringify(body);
    if (json !== undefined && json.length <= MAX_AUDITED_INVALID_BODY) payload = body;
  } catch {
    // Not serialisable: leave it out.
  }
  return { type, payload };
}

/**
 * What a handler sees: the session's documents, held and up to date, and a
 * `transact` that records the store append of each of its writes in
 * `ownWrites`, so the runner can wait for exactly those.
 */
function commandContext(
  app: FastifyInstance,
  session: SessionRecord,
  identity: Identity,
  rooms: { board: Room; control: Room; priv: Room },
): { ctx: CommandContext; ownWrites: Promise<void>[] } {
  const roomOf = new Map<Y.Doc, Room>(Object.values(rooms).map((r) => [r.doc, r]));
  const ownWrites: Promise<void>[] = [];
  const ctx: CommandContext = {
    session,
    identity,
    board: rooms.board.doc,
    control: rooms.control.doc,
    privateDoc: rooms.priv.doc,
    transact: (doc, fn) => {
      const room = roomOf.get(doc);
      if (!room) throw new Error('a command may only write the documents it holds');
      const appended = room.appendOf(() => doc.transact(fn, Origins.command));
      if (appended) ownWrites.push(appended);
    },
    withDocs: (names, fn) =>
      app.rooms.with(session.id, names, async (...held) => {
        for (const r of held) roomOf.set(r.doc, r);
        if (app.store.shared) await Promise.all(held.map((r) => r.refresh()));
        return fn(...held.map((r) => r.doc));
      }),
    now: () => new Date(app.scheduler.clock.now()),
    participants: () => app.store.listParticipants(session.id),
    app,
    log: app.log,
  };
  return { ctx, ownWrites };
}

/**
 * Holds the session's documents, up to date with the store, and runs `fn`
 * with a command context. Its own writes settle before it answers (or lets
 * go of the lock), even if `fn` threw after writing; anyone else's failed
 * write is not its failure.
 */
async function withCommandContext<T>(
  app: FastifyInstance,
  session: SessionRecord,
  identity: Identity,
  label: string,
  fn: (ctx: CommandContext) => T | Promise<T>,
): Promise<T> {
  return app.rooms.with(session.id, ['board', 'control', PRIVATE_DOC], async (board, control, priv) => {
    // Another instance may have written since: the relay can lag (or be down), the store cannot.
    if (app.store.shared) await Promise.all([board, control, priv].map((r) => r.refresh()));
    const { ctx, ownWrites } = commandContext(app, session, identity, { board, control, priv });
    const [handled] = await Promise.allSettled([Promise.resolve().then(() => fn(ctx))]);
    const saved = await Promise.allSettled(ownWrites);
    if (handled.status === 'rejected') throw handled.reason;
    if (saved.some((w) => w.status === 'rejected')) throw new Error(`the changes of ${label} could not be saved`);
    return handled.value;
  });
}

/**
 * Runs a task of the server's own (an auto-advance, a reminder) exactly as a
 * command runs: under the session's lock across instances, on fresh docs,
 * answering once its writes are durable, audited as `type` when it acted.
 */
export async function runServerTask<T>(
  app: FastifyInstance,
  session: SessionRecord,
  type: string,
  fn: (ctx: CommandContext) => Promise<{ acted: boolean; payload?: unknown; value: T }>,
): Promise<T> {
  const identity = serverIdentity(session);
  const out = await exclusively(app, session.id, () => withCommandContext(app, session, identity, type, fn));
  if (out.acted) {
    await audit(app, {
      sessionId: session.id,
      participantId: identity.participantId,
      role: identity.role,
      type,
      payload: out.payload ?? null,
      outcome: 'ok',
      at: new Date(app.scheduler.clock.now()).toISOString(),
    });
  }
  return out.value;
}

/**
 * Validates, authorises, applies and audits one command. Authorising is
 * the command's `COMMAND_RULES` entry (role, then phase as the store has
 * it), checked here once for every command; the handler judges only what
 * is particular to it. Every command is audited — refused, invalid or
 * failed ones too: the log shows who tried what.
 */
export async function runCommand(app: FastifyInstance, session: SessionRecord, identity: Identity, body: unknown): Promise<RunResult> {
  const who = { sessionId: session.id, participantId: identity.participantId, role: identity.role };
  const parsed = CommandSchema.safeParse(body);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    await audit(app, {
      ...who,
      ...invalidBodyAudit(body),
      outcome: ErrorCode.invalidCommand,
      at: new Date(app.scheduler.clock.now()).toISOString(),
    });
    return {
      ok: false,
      status: 400,
      code: ErrorCode.invalidCommand,
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      issues,
    };
  }
  const cmd = parsed.data;
  const run = () =>
    withCommandContext(app, session, identity, cmd.type, async (ctx) => {
      const denied = checkCommandAllowed(cmd.type, identity.role, readPhase(ctx.control).current);
      if (denied) return denied;
      const handler = handlers[cmd.type] as CommandHandler<typeof cmd.type>;
      const result = await handler(cmd as never, ctx);
      // A schedule, a phase or a step may have moved what the scheduler waits for.
      if (result.ok && !COMMAND_RULES[cmd.type].readOnly) await app.scheduler.reschedule(session.id, ctx);
      return result;
    });
  let result: CommandResult;
  try {
    result = COMMAND_RULES[cmd.type].readOnly ? await run() : await exclusively(app, session.id, run);
  } catch (err) {
    await audit(app, {
      ...who,
      type: cmd.type,
      payload: cmd,
      outcome: ErrorCode.internal,
      at: new Date(app.scheduler.clock.now()).toISOString(),
    });
    throw err;
  }
  await audit(app, {
    ...who,
    type: cmd.type,
    payload: cmd,
    outcome: result.ok ? 'ok' : result.code,
    at: new Date(app.scheduler.clock.now()).toISOString(),
  });
  return result;
}

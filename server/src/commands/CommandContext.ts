import type { CommandOf, CommandType, ErrorCodeValue, Identity } from '@throughline/shared';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import type { ParticipantRecord, SessionRecord } from '../store/Store.ts';

/** Everything a command handler may touch. The docs are loaded and held for the handler's duration. */
export interface CommandContext {
  session: SessionRecord;
  identity: Identity;
  board: Y.Doc;
  control: Y.Doc;
  /** Server-only state (votes and scores before reveal); never synced to any client. */
  privateDoc: Y.Doc;
  /** Runs `fn` in one transaction tagged `Origins.command`: persisted and relayed as one update. */
  transact(doc: Y.Doc, fn: () => void): void;
  /** Loads and holds more of the session's documents (participants' drafts) for `fn`, up to date with the store. */
  withDocs<T>(docNames: string[], fn: (...docs: Y.Doc[]) => T | Promise<T>): Promise<T>;
  now(): Date;
  participants(): Promise<ParticipantRecord[]>;
  /** The app, for shared services (AI generators, rooms) that outlive one command. */
  app: FastifyInstance;
  log: FastifyBaseLogger;
}

export type RefusalStatus = 400 | 403 | 404 | 409 | 429 | 502 | 503;

export type CommandResult =
  | { ok: true; value?: Record<string, unknown> }
  | { ok: false; status: RefusalStatus; code: ErrorCodeValue; message: string };

export type CommandHandler<T extends CommandType> = (cmd: CommandOf<T>, ctx: CommandContext) => CommandResult | Promise<CommandResult>;

export const refuse = (status: RefusalStatus, code: ErrorCodeValue, message: string): CommandResult => ({
  ok: false,
  status,
  code,
  message,
});

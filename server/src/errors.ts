import createError from '@fastify/error';
import { ErrorCode } from '@throughline/shared';

/**
 * The HTTP error catalogue. Every refusal the API gives comes from here, so
 * clients can switch on `code` and the messages stay consistent.
 */
export const Errors = {
  badRequest: createError(ErrorCode.badRequest, '%s', 400),
  invalidBrief: createError(ErrorCode.invalidBrief, 'The brief is invalid: %s', 400),
  invalidCommand: createError(ErrorCode.invalidCommand, 'The command is invalid: %s', 400),
  unauthorized: createError(ErrorCode.unauthorized, '%s', 401),
  forbidden: createError(ErrorCode.forbidden, '%s', 403),
  sessionNotFound: createError(ErrorCode.sessionNotFound, 'No session %s', 404),
  notFound: createError(ErrorCode.notFound, '%s', 404),
};

/** An error carrying field-level issues (a bad brief, a bad command). */
export interface IssuesError extends Error {
  issues?: { path: string; message: string }[];
}

/**
 * Machine-readable error codes returned by the HTTP API (`{ code, message }`).
 * Integrations switch on these; never rename one.
 */
export const ErrorCode = {
  badRequest: 'TL_ERR_BAD_REQUEST',
  invalidBrief: 'TL_ERR_INVALID_BRIEF',
  invalidCommand: 'TL_ERR_INVALID_COMMAND',
  unauthorized: 'TL_ERR_UNAUTHORIZED',
  forbidden: 'TL_ERR_FORBIDDEN',
  sessionNotFound: 'TL_ERR_SESSION_NOT_FOUND',
  notFound: 'TL_ERR_NOT_FOUND',
  wrongPhase: 'TL_ERR_WRONG_PHASE',
  conflict: 'TL_ERR_CONFLICT',
  voteBudgetExceeded: 'TL_ERR_VOTE_BUDGET',
  voteCapExceeded: 'TL_ERR_VOTE_CAP',
  rationaleRequired: 'TL_ERR_RATIONALE_REQUIRED',
  /** Keeping an idea the revealed votes and scores did not favour, without an override reason. */
  overrideRequired: 'TL_ERR_OVERRIDE_REQUIRED',
  notSelectable: 'TL_ERR_NOT_SELECTABLE',
  rateLimited: 'TL_ERR_RATE_LIMITED',
  aiUnavailable: 'TL_ERR_AI_UNAVAILABLE',
  aiFailed: 'TL_ERR_AI_FAILED',
  /** The database (or another dependency) is out of reach: retry after the response's `Retry-After`. */
  unavailable: 'TL_ERR_UNAVAILABLE',
  internal: 'TL_ERR_INTERNAL',
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

import type { AiErrorKind } from '@throughline/shared';

/**
 * Why a generation or suggestion failed, in words a participant can act on.
 * The message is fixed by us, never copied from the AI service's reply,
 * which may echo request details (some services quote the key back).
 */
export class AiError extends Error {
  constructor(
    readonly kind: AiErrorKind | 'cancelled',
    message: string,
    /** For logs only: the upstream HTTP status, if any. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AiError';
  }
}

export const isAiError = (e: unknown): e is AiError => e instanceof AiError;

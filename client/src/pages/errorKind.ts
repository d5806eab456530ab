import { CloseCode } from '@throughline/shared';

/** What went wrong with a link or connection, in the terms a person can act on. */
export type ErrorKind = 'notFound' | 'unauthorized' | 'forbidden' | 'badLink' | 'network' | 'unknown';

/** Maps an HTTP status or a socket close code to an error page. */
export function errorKindFor(statusOrCloseCode: number): ErrorKind {
  switch (statusOrCloseCode) {
    case 404:
    case CloseCode.notFound:
      return 'notFound';
    case 401:
    case CloseCode.unauthorized:
      return 'unauthorized';
    case 403:
    case CloseCode.forbidden:
      return 'forbidden';
    case 0:
      return 'network';
    default:
      return 'unknown';
  }
}

export const ERROR_COPY: Record<ErrorKind, { title: string; body: string }> = {
  notFound: {
    title: 'This session does not exist',
    body: 'The link points to a session that was never created or has been deleted. Check that you copied the whole link.',
  },
  unauthorized: {
    title: 'This link has expired or is not valid',
    body: 'Your access to this session could not be confirmed. Ask the facilitator for a fresh invite link.',
  },
  forbidden: {
    title: 'This link does not give access to this session',
    body: 'The invite or sign-in belongs to a different session, or it has been withdrawn. Ask the facilitator for the right link.',
  },
  badLink: {
    title: 'This link is incomplete',
    body: 'The invite code is missing from the link. Copy the whole link from the facilitator, including the part after “#”.',
  },
  network: {
    title: 'Cannot reach Throughline',
    body: 'The server did not answer. Check your connection and try again.',
  },
  unknown: {
    title: 'Something went wrong',
    body: 'The server could not open this session. Try again in a moment.',
  },
};

import { useSyncExternalStore } from 'react';

/** The app's pages, parsed from the path. Links carry secrets in the hash, never the path. */
export type Route =
  | { page: 'start' }
  | { page: 'join'; sessionId: string }
  | { page: 'board'; sessionId: string }
  | { page: 'notFound'; path: string };

const SESSION = '(ses_[0-9a-z]{6,40})';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'start' };
  const join = new RegExp(`^/join/${SESSION}$`).exec(path);
  if (join) return { page: 'join', sessionId: join[1] as string };
  const board = new RegExp(`^/s/${SESSION}$`).exec(path);
  if (board) return { page: 'board', sessionId: board[1] as string };
  return { page: 'notFound', path };
}

/** Reads `#a=1&b=2` into a map. */
export const hashParams = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of [...listeners]) l();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
  return parseRoute(path);
}

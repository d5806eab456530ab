import { useEffect, useState } from 'react';
import { ApiError, api, type SessionSummary } from '../api.ts';
import { cachedSummary, cacheSummary } from '../auth/summaryCache.ts';
import { forgetIdentity, loadIdentity, type StoredIdentity, saveIdentity } from '../auth/tokenStore.ts';
import { hashParams } from '../router.ts';
import { SessionProvider } from '../session/SessionProvider.tsx';
import { useStoreValue } from '../state/useStore.ts';
import { BoardConnection } from '../sync/BoardConnection.ts';
import { BoardWorkspace } from './BoardWorkspace.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { type ErrorKind, errorKindFor } from './errorKind.ts';
import { OpeningBoard } from './OpeningBoard.tsx';

/** Takes a `#token=` from the link into storage and out of the address bar, so it is not shared by accident. */
function adoptLinkToken(sessionId: string): StoredIdentity | null {
  const token = hashParams(location.hash).get('token');
  if (token) {
    const known = loadIdentity(sessionId);
    saveIdentity(sessionId, known?.token === token ? known : { token, participantId: '', role: '', name: '' });
    history.replaceState(null, '', location.pathname + location.search);
  }
  return loadIdentity(sessionId);
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorKind; detail?: string }
  | { kind: 'ready'; summary: SessionSummary; offline: boolean };

/** Resolves who this browser is in the session, then opens the live board. */
export function BoardPage({ sessionId }: { sessionId: string }) {
  const [identity] = useState(() => adoptLinkToken(sessionId));
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    if (!identity) return;
    let cancelled = false;
    api.getSession(sessionId, identity.token).then(
      (summary) => {
        if (cancelled) return;
        cacheSummary(summary);
        saveIdentity(sessionId, {
          token: identity.token,
          participantId: summary.you.participantId,
          role: summary.you.role,
          name: summary.you.name,
        });
        setLoaded({ kind: 'ready', summary, offline: false });
      },
      (err: unknown) => {
        if (cancelled) return;
        const status = err instanceof ApiError ? err.status : -1;
        const cached = identity.participantId ? cachedSummary(sessionId, identity.participantId) : null;
        if (status === 0 && cached) {
          setLoaded({ kind: 'ready', summary: cached, offline: true });
          return;
        }
        // A token the server rejects is no use on the next visit either (it would hide the join form).
        if (status === 401 || status === 403) forgetIdentity(sessionId);
        setLoaded({ kind: 'error', error: errorKindFor(status), detail: err instanceof Error ? err.message : undefined });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [identity, sessionId]);

  if (!identity) return <ErrorPage kind="unauthorized" title="You need an invite link to open this board" />;
  if (loaded.kind === 'error') return <ErrorPage kind={loaded.error} detail={loaded.detail} />;
  if (loaded.kind === 'loading') return <OpeningBoard />;
  return <LiveBoard sessionId={sessionId} token={identity.token} summary={loaded.summary} />;
}

function LiveBoard({ sessionId, token, summary }: { sessionId: string; token: string; summary: SessionSummary }) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  const participantId = summary.you.participantId;
  useEffect(() => {
    const c = new BoardConnection({ sessionId, token, participantId });
    setConnection(c);
    return () => c.destroy();
  }, [sessionId, token, participantId]);
  if (!connection) return <OpeningBoard />;
  return <ConnectedBoard connection={connection} summary={summary} token={token} />;
}

function ConnectedBoard({ connection, summary, token }: { connection: BoardConnection; summary: SessionSummary; token: string }) {
  const fatal = useStoreValue(connection.status, (s) => s.fatal);
  const localLoaded = useStoreValue(connection.status, (s) => s.localLoaded);
  if (fatal) return <ErrorPage kind={errorKindFor(fatal.code)} detail={fatal.reason} />;
  if (!localLoaded) return <OpeningBoard />;
  return (
    <SessionProvider connection={connection} summary={summary} token={token}>
      <BoardWorkspace />
    </SessionProvider>
  );
}

import { DisplayNameSchema } from '@throughline/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { loadIdentity, rememberedName, rememberName, saveIdentity } from '../auth/tokenStore.ts';
import { hashParams, navigate } from '../router.ts';
import { ErrorPage } from './ErrorPage.tsx';
import { type ErrorKind, errorKindFor } from './errorKind.ts';
import { loadBoardPage } from './loadBoardPage.ts';

/** Asks an invited person for a display name, exchanges the invite for a token, and opens the board. */
export function JoinPage({ sessionId }: { sessionId: string }) {
  const [invite, setInvite] = useState(() => hashParams(location.hash).get('invite'));
  // Opening another invite link for the same session only changes the hash: pick it up.
  useEffect(() => {
    const onHash = () => {
      setInvite(hashParams(location.hash).get('invite'));
      setFatal(null);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The board is where this page leads: fetch its code while the name is typed.
  useEffect(() => void loadBoardPage(), []);
  const [existing] = useState(() => loadIdentity(sessionId));
  const [name, setName] = useState(rememberedName());
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fatal, setFatal] = useState<{ kind: ErrorKind; detail?: string } | null>(null);

  if (fatal) return <ErrorPage kind={fatal.kind} detail={fatal.detail} />;
  if (!invite && !existing) return <ErrorPage kind="badLink" />;

  async function join(e: FormEvent) {
    e.preventDefault();
    const parsed = DisplayNameSchema.safeParse(name);
    if (!parsed.success) {
      setMessage(parsed.error.issues[0]?.message ?? 'Enter a display name');
      return;
    }
    if (!invite) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.join(sessionId, invite, parsed.data, email.trim() || undefined);
      rememberName(parsed.data);
      saveIdentity(sessionId, { token: res.token, participantId: res.participantId, role: res.role, name: parsed.data });
      navigate(`/s/${sessionId}${location.search}`, { replace: true });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : -1;
      if (status === 400 && err instanceof ApiError) setMessage(err.issues[0]?.message ?? err.message);
      else if (err instanceof ApiError && [0, 401, 403, 404].includes(status)) {
        setFatal({ kind: errorKindFor(status), detail: err.message });
      } else setMessage('Joining failed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page">
      <div className="page-narrow">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Throughline
        </div>
        <h1>Join the session</h1>
        <p className="lede">
          You have been invited to a brainstorming board. Choose the name others will see next to your cursor and ideas.
        </p>
        {existing ? (
          <div className="card join-existing">
            <p>You already joined this session{existing.name ? ` as ${existing.name}` : ''}.</p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => navigate(`/s/${sessionId}${location.search}`, { replace: true })}
            >
              Continue{existing.name ? ` as ${existing.name}` : ''}
            </button>
          </div>
        ) : null}
        {invite ? (
          <form className="card" onSubmit={join} noValidate>
            <label className="field">
              <span className="field-label">Your name</span>
              <input
                className="input"
                name="name"
                autoComplete="nickname"
                // biome-ignore lint/a11y/noAutofocus: the only field on the page
                autoFocus
                value={name}
                maxLength={40}
                aria-invalid={message ? true : undefined}
                aria-describedby="join-error"
                onChange={(e) => setName(e.target.value)}
              />
              <div id="join-error" className="field-error" role="alert">
                {message ?? ''}
              </div>
            </label>
            <label className="field">
              <span className="field-label">E-mail (optional)</span>
              <input
                className="input"
                name="email"
                type="email"
                autoComplete="email"
                value={email}
                maxLength={254}
                placeholder="for deadlines and mentions; unsubscribe any time"
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Joining…' : existing ? 'Join as someone new' : 'Join'}
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}

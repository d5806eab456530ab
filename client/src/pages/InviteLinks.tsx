import { useState } from 'react';
import type { CreatedSession } from '../api.ts';
import { navigate } from '../router.ts';

const LINKS = [
  { key: 'facilitator', label: 'Facilitator link', hint: 'Yours: opens the board with full control. Keep it private.' },
  { key: 'participant', label: 'Participant link', hint: 'Share with the team: they add and move ideas.' },
  { key: 'viewer', label: 'Viewer link', hint: 'Read-only: for stakeholders who watch but do not edit.' },
] as const;

/** After creation: the three links to hand out, each with a copy button. */
export function InviteLinks({ created }: { created: CreatedSession }) {
  return (
    <main className="page">
      <div className="page-narrow page-invites">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Throughline
        </div>
        <h1>Your session is ready</h1>
        <p className="lede">Copy the links you need. Anyone with a participant or viewer link joins after giving a display name.</p>
        <div className="card">
          <div className="links">
            {LINKS.map((l) => (
              <CopyField key={l.key} id={`link-${l.key}`} label={l.label} hint={l.hint} value={created.links[l.key]} />
            ))}
          </div>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => navigate(`/s/${created.sessionId}${location.search}`)}
            data-testid="open-board"
          >
            Open the board
          </button>
        </div>
      </div>
    </main>
  );
}

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API needs a secure context; fall back to selecting the text.
    if (!input) return false;
    input.select();
    return document.execCommand?.('copy') ?? false;
  }
}

function CopyField({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="link-row">
      <label htmlFor={id}>{label}</label>
      <p>{hint}</p>
      <div className="row">
        <input id={id} className="input" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn"
          aria-describedby={id}
          onClick={async () => {
            const ok = await copyText(value, document.getElementById(id) as HTMLInputElement | null);
            setState(ok ? 'copied' : 'failed');
            setTimeout(() => setState('idle'), 2000);
          }}
        >
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
        </button>
      </div>
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? `${label} copied` : ''}
      </span>
    </div>
  );
}

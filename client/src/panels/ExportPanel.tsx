import { readFinalisation, readWebhookLog, type WebhookDelivery, WebhookUrlSchema } from '@throughline/shared';
import { Fragment, useState } from 'react';
import { decisionsByIdea } from '../board/verdictBadge.ts';
import { boardPng, downloadDataUrl, type PngArea } from '../export/boardPng.ts';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { useDocSlice } from '../session/useDocSlice.ts';
import { Field } from './Field.tsx';

/** The formats the server writes, in the order people look for them. */
export const EXPORT_LINKS = [
  { ext: 'pdf', label: 'PDF', hint: 'printable one-pager' },
  { ext: 'md', label: 'Markdown', hint: 'GitHub, Notion, Confluence' },
  { ext: 'csv', label: 'CSV', hint: 'Jira; for other tools:' },
  { ext: 'ics', label: 'Calendar', hint: 'due and review dates' },
  { ext: 'json', label: 'JSON', hint: 'schema plan v1' },
] as const;

/** The CSV files named for other importers (`?variant=`, see docs/export.md). */
const CSV_VARIANT_LINKS = [
  { variant: 'asana', label: 'Asana' },
  { variant: 'linear', label: 'Linear' },
  { variant: 'excel', label: 'Excel' },
] as const;

/** A download link: `?token=` because a plain link cannot send a header, and `download` keeps it out of history. */
export const exportHref = (sessionId: string, token: string, ext: string, variant?: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/export.${ext}?token=${encodeURIComponent(token)}${variant ? `&variant=${variant}` : ''}`;

/** The plan's download buttons, for the Export tab and for the plan view. */
export function ExportLinks({ sessionId, token }: { sessionId: string; token: string }) {
  return (
    <nav className="export-links" aria-label="Download the plan">
      {EXPORT_LINKS.map((f) => (
        <Fragment key={f.ext}>
          <a className="btn btn-small" href={exportHref(sessionId, token, f.ext)} download data-testid={`export-${f.ext}`}>
            {f.label}
          </a>
          <span className="field-hint">
            {f.hint}
            {f.ext === 'csv'
              ? CSV_VARIANT_LINKS.map((v) => (
                  <Fragment key={v.variant}>
                    {' '}
                    <a href={exportHref(sessionId, token, 'csv', v.variant)} download data-testid={`export-csv-${v.variant}`}>
                      {v.label}
                    </a>
                  </Fragment>
                ))
              : null}
          </span>
        </Fragment>
      ))}
    </nav>
  );
}

const fileDate = () => new Date().toISOString().slice(0, 10);
const safeTitle = (t: string) =>
  t
    .replace(/\s+/g, ' ')
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '')
    .trim()
    .slice(0, 80) || 'Throughline';

/**
 * Export: download the plan in every format, save the board as PNG, and —
 * for the facilitator — the outbound webhook (URL, test, finalise) with its
 * delivery log, which everyone can see.
 */
export function ExportPanel() {
  const { sessionId, title, token, you, editor } = useSession();
  const control = useControl();
  const [message, setMessage] = useState<string | null>(null);
  const isFacilitator = you.role === 'facilitator';

  const savePng = (area: PngArea['kind']) => {
    const input = {
      ideas: editor.store.canvasIdeas,
      clusters: editor.store.orderedClusters,
      showOrigin: !control.settings.blindOrigin,
      decisions: decisionsByIdea(control.decisions),
    };
    const png = boardPng(
      input,
      area === 'board' ? { kind: 'board' } : { kind: 'view', viewport: editor.viewport.get(), size: editor.viewSize },
      window.devicePixelRatio,
    );
    if (!png) {
      setMessage('The board is empty: there is nothing to save yet.');
      return;
    }
    const what = area === 'board' ? 'board' : 'view';
    downloadDataUrl(png.dataUrl, `${safeTitle(title)} - ${what} - ${fileDate()}.png`);
    setMessage(`Saved a ${png.width}×${png.height} PNG of the ${area === 'board' ? 'whole board' : 'current view'}.`);
  };

  return (
    <div className="panel-body export-panel" data-testid="export-panel">
      <h3>Download the plan</h3>
      <ExportLinks sessionId={sessionId} token={token} />
      <h3>Board image</h3>
      <p>
        <button type="button" className="btn btn-small" onClick={() => savePng('board')} data-testid="export-png-board">
          Whole board (PNG)
        </button>{' '}
        <button type="button" className="btn btn-small" onClick={() => savePng('view')} data-testid="export-png-view">
          Current view (PNG)
        </button>
      </p>
      {message ? (
        <p className="field-hint" aria-live="polite">
          {message}
        </p>
      ) : null}
      {isFacilitator ? <WebhookSettings masked={control.settings.webhookUrl} /> : null}
      <DeliveryLog />
    </div>
  );
}

function WebhookSettings({ masked }: { masked: string | null }) {
  const { controlDoc } = useSession();
  const { run, busy, error } = useCommand();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finalisation = useDocSlice(controlDoc, readFinalisation);
  const urlCheck = url.trim() ? WebhookUrlSchema.safeParse(url) : null;

  const save = async () => {
    setDone(null);
    const r = await run({ type: 'setWebhook', url: url.trim() });
    if (!r) return;
    setSecret(r.secret ?? null);
    setUrl('');
    setDone(r.secret ? 'Webhook saved.' : 'Webhook saved; its signing secret is unchanged (Rotate secret makes a new one).');
  };
  const rotate = async () => {
    setDone(null);
    const r = await run({ type: 'rotateWebhookSecret' });
    if (!r) return;
    setSecret(r.secret);
    setDone('New signing secret: update your receiver, the old one no longer signs deliveries.');
  };
  const remove = async () => {
    setDone(null);
    if (!(await run({ type: 'setWebhook', url: null }))) return;
    setSecret(null);
    setDone('Webhook removed.');
  };
  const test = async () => {
    setDone(null);
    if (await run({ type: 'testWebhook' })) setDone('Test sent: watch the log below.');
  };
  const finalise = async () => {
    setDone(null);
    const r = await run({ type: 'finalisePlan' });
    if (!r) return;
    const open = r.intentions > 0 ? ` ${r.intentions} step${r.intentions === 1 ? ' is' : 's are'} still intentions.` : '';
    setDone(`Plan finalised (revision ${r.revision}).${r.deliveryId ? ' Sending it to the webhook.' : ''}${open}`);
  };

  return (
    <section aria-label="Webhook and finalising" data-testid="export-webhook">
      <h3>Send to another tool</h3>
      <p className="field-hint">
        When you finalise the plan, its JSON is POSTed to this URL (signed; see docs/export.md). Participants see only a masked address.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (urlCheck?.success) void save();
        }}
      >
        <Field label="Webhook URL">
          <input
            className="input"
            type="url"
            value={url}
            placeholder={masked ?? 'https://…'}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={urlCheck ? !urlCheck.success : undefined}
            data-testid="webhook-url"
          />
          {urlCheck && !urlCheck.success ? <span className="field-error">{urlCheck.error.issues[0]?.message}</span> : null}
        </Field>
        <p>
          <button type="submit" className="btn btn-small" disabled={busy || !urlCheck?.success} data-testid="webhook-save">
            Save
          </button>{' '}
          <button type="button" className="btn btn-small btn-ghost" disabled={busy || !masked} onClick={() => void test()}>
            Send test
          </button>{' '}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy || !masked}
            onClick={() => void rotate()}
            data-testid="webhook-rotate"
          >
            Rotate secret
          </button>{' '}
          <button type="button" className="btn btn-small btn-ghost" disabled={busy || !masked} onClick={() => void remove()}>
            Remove
          </button>
        </p>
      </form>
      {masked ? <p className="field-hint break-all">Current: {masked}</p> : null}
      {secret ? (
        <p className="field-hint" data-testid="webhook-secret">
          Signing secret (shown once, copy it into your receiver): <code className="break-all">{secret}</code>
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy}
          onClick={() => void finalise()}
          data-testid="finalise-plan"
        >
          {finalisation ? 'Finalise again' : 'Finalise plan'}
        </button>
      </p>
      <p className="field-hint" data-testid="finalisation">
        {finalisation
          ? `Revision ${finalisation.revision} finalised by ${finalisation.finalisedBy} on ${finalisation.finalisedAt.slice(0, 16).replace('T', ' ')} UTC.`
          : 'Not finalised yet. Finalising publishes the plan; it stays editable.'}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : done ? (
        <p className="field-hint" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}

const STATE_LABEL: Record<WebhookDelivery['state'], string> = { pending: 'sending…', delivered: 'delivered', failed: 'failed' };

function DeliveryLog() {
  const { controlDoc } = useSession();
  const log = useDocSlice(controlDoc, readWebhookLog);
  if (log.length === 0) return null;
  return (
    <section aria-label="Webhook deliveries">
      <h3>Deliveries</h3>
      <ul className="delivery-log" data-testid="delivery-log">
        {log.map((d) => (
          <li key={d.id} data-state={d.state}>
            <strong>{d.event === 'ping' ? 'Test' : `Plan revision ${d.revision ?? '?'}`}</strong> → {d.url}:{' '}
            <span data-testid="delivery-state">{STATE_LABEL[d.state]}</span>
            <span className="field-hint">
              {' '}
              · {d.createdAt.slice(0, 16).replace('T', ' ')} UTC by {d.requestedBy}
            </span>
            <ol className="field-hint delivery-attempts">
              {d.attempts.map((a, n) => (
                // Attempts only ever append: the index is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={n}>
                  {a.status !== null ? `HTTP ${a.status}` : a.error} in {a.durationMs} ms
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}

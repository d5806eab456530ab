import { navigate } from '../router.ts';
import { ERROR_COPY, type ErrorKind } from './errorKind.ts';

/** A full-page explanation of a bad, expired or broken link, with a way out. */
export function ErrorPage({ kind, title, detail }: { kind: ErrorKind; title?: string; detail?: string }) {
  const copy = ERROR_COPY[kind];
  return (
    <main className="page error-page">
      <div className="page-narrow">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Throughline
        </div>
        <div className="card error-card" role="alert" data-error-kind={kind}>
          <h1>{title ?? copy.title}</h1>
          <p>{copy.body}</p>
          {detail ? <p className="fine-print">Details: {detail}</p> : null}
          <div className="form-actions">
            {kind === 'network' || kind === 'unknown' ? (
              <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
                Try again
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => navigate('/')}>
              Start a new session
            </button>
          </div>
        </div>
      </div>
    </main>
  );
}

import type { Template } from '@throughline/shared';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';

interface Props {
  chosen: string | null;
  onPick: (template: Template | null) => void;
}

const minutes = (t: Template) => t.agenda.reduce((n, a) => n + a.minutes, 0);
const duration = (t: Template) => {
  const m = minutes(t);
  if (t.mode === 'async') return `${Math.round(m / (24 * 60))} days, async`;
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60 ? `${m % 60} min` : ''}`.trim() : `${m} min`;
};

/** Above the brief form: start from a template (brief example, agenda, voting settings) or keep the blank brief. */
export function TemplatePicker({ chosen, onPick }: Props) {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api
      .templates()
      .then((r) => setTemplates(r.templates))
      .catch(() => setFailed(true));
  }, []);
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title" className="templates-title">
        Start from a template, or write your own brief below
      </h2>
      {failed ? <p className="alert">The templates could not be loaded; start from a blank brief.</p> : null}
      <ul className="template-grid" data-testid="templates">
        {(templates ?? []).map((t) => (
          <li key={t.id}>
            <button type="button" className="template-card" data-template={t.id} aria-pressed={chosen === t.id} onClick={() => onPick(t)}>
              <span className="template-name">{t.name}</span>
              <span className="template-summary">{t.summary}</span>
              <span className="template-meta">
                {duration(t)} · {t.agenda.length} agenda items · {t.voting.voteBudget} votes each
                {t.privateMode ? ' · private brainwriting' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { type AgendaItem, agendaItemLabel, PHASES, type Phase } from '@throughline/shared';
import { useState } from 'react';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { ErrorLine } from '../ErrorLine.tsx';

const fmt = (min: number) =>
  min >= 24 * 60 ? `${Math.round(min / (24 * 60))} d` : min >= 60 ? `${Math.floor(min / 60)} h ${min % 60 || ''}`.trim() : `${min} min`;

/**
 * The agenda: timeboxes with suggested minutes. The facilitator starts an
 * item (its timer starts; the phase moves only when they move it), or the
 * next one, and can add and remove items. Everyone else reads it.
 */
export function AgendaList() {
  const { you } = useSession();
  const { agenda, phase } = useControl();
  const { run, busy, error } = useCommand();
  const lead = you.role === 'facilitator';
  const next = agenda.current === null ? 0 : agenda.current + 1;
  const start = (i: number) => {
    const item = agenda.items[i];
    if (item) void run({ type: 'startTimer', seconds: item.minutes * 60, label: agendaItemLabel(item), agendaItem: i });
  };
  const save = (items: AgendaItem[]) => run({ type: 'setAgenda', items });
  return (
    <section className="ws-section" aria-labelledby="ws-agenda">
      <h3 id="ws-agenda">Agenda</h3>
      {agenda.items.length === 0 ? <p className="ws-muted">No agenda yet.</p> : null}
      <ol className="agenda" data-testid="agenda">
        {agenda.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an agenda item is its position (startTimer's agendaItem names it by index)
          <li key={i} data-current={agenda.current === i || undefined}>
            <span className="agenda-label">{agendaItemLabel(item)}</span>
            <span className="agenda-meta" data-other-phase={item.phase !== phase.current || undefined}>
              {item.phase} · {fmt(item.minutes)}
            </span>
            {lead ? (
              <span className="agenda-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={busy}
                  onClick={() => start(i)}
                  aria-label={`Start ${agendaItemLabel(item)}`}
                >
                  ▶
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={busy}
                  aria-label={`Remove ${agendaItemLabel(item)}`}
                  onClick={() => save(agenda.items.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {lead && next < agenda.items.length ? (
        <button type="button" className="btn btn-primary btn-small agenda-next" disabled={busy} onClick={() => start(next)}>
          Start next: {agendaItemLabel(agenda.items[next] as AgendaItem)}
        </button>
      ) : null}
      {lead ? <AddItem phase={phase.current} onAdd={(item) => save([...agenda.items, item])} busy={busy} /> : null}
      <ErrorLine error={error} />
    </section>
  );
}

function AddItem({ phase, onAdd, busy }: { phase: Phase; onAdd: (item: AgendaItem) => void; busy: boolean }) {
  const [label, setLabel] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [itemPhase, setItemPhase] = useState<Phase>(phase);
  const m = Math.round(Number(minutes));
  return (
    <form
      className="ws-row agenda-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!(m > 0)) return;
        onAdd({ phase: itemPhase, minutes: m, ...(label.trim() ? { label: label.trim() } : {}) });
        setLabel('');
      }}
    >
      <input
        className="input ws-grow"
        value={label}
        maxLength={120}
        placeholder="Add an item"
        aria-label="Agenda item"
        onChange={(e) => setLabel(e.target.value)}
      />
      <input
        className="input ws-narrow"
        inputMode="numeric"
        value={minutes}
        aria-label="Item minutes"
        onChange={(e) => setMinutes(e.target.value)}
      />
      <span className="agenda-unit" aria-hidden="true">
        min
      </span>
      <select
        className="input agenda-phase"
        value={itemPhase}
        aria-label="Item phase"
        onChange={(e) => setItemPhase(e.target.value as Phase)}
      >
        {PHASES.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <button type="submit" className="btn btn-small" disabled={busy || !(m > 0)}>
        Add
      </button>
    </form>
  );
}

import { type Deadlines, readChatChannel, readSchedule, SCHEDULED_PHASES } from '@throughline/shared';
import { useState } from 'react';
import { useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { useDocSlice } from '../session/useDocSlice.ts';
import { deadlineText, fromLocalInput, toLocalInput } from './deadlineText.ts';
import { ErrorLine } from './ErrorLine.tsx';

const NAME = { explore: 'Explore', select: 'Select', plan: 'Plan' } as const;

/**
 * The async round: phase deadlines (set by the facilitator, shown to all in
 * their own time zone), auto-advance, whether mail is on, and the chat
 * channel that hears about phase changes.
 */
export function AsyncPanel() {
  const { controlDoc, you, mailEnabled } = useSession();
  const schedule = useDocSlice(controlDoc, readSchedule);
  const chat = useDocSlice(controlDoc, readChatChannel);
  const facilitator = you.role === 'facilitator';
  return (
    <section className="async-panel" aria-label="Schedule">
      <h3>Schedule</h3>
      {facilitator ? (
        <ScheduleForm deadlines={schedule.deadlines} autoAdvance={schedule.autoAdvance} />
      ) : (
        <ul className="activity-list">
          {SCHEDULED_PHASES.map((p) => (
            <li key={p}>
              {NAME[p]}: {schedule.deadlines[p] ? `closes ${deadlineText(schedule.deadlines[p] as string)}` : 'no deadline'}
            </li>
          ))}
          {schedule.autoAdvance ? <li>Phases move on by themselves at their deadlines.</li> : null}
        </ul>
      )}
      <h3>Notifications</h3>
      <p className="muted" data-testid="mail-status">
        {mailEnabled
          ? 'Mail is on: people who gave an address get phase, deadline and mention mails (each with an unsubscribe link).'
          : 'Mail is off on this server (no SMTP configured).'}
      </p>
      {facilitator ? <ChatForm current={chat.url} /> : chat.url ? <p className="muted">Posts to chat: {chat.url}</p> : null}
    </section>
  );
}

function ScheduleForm({ deadlines, autoAdvance }: { deadlines: Deadlines; autoAdvance: boolean }) {
  const [values, setValues] = useState(() => Object.fromEntries(SCHEDULED_PHASES.map((p) => [p, toLocalInput(deadlines[p])])));
  const [auto, setAuto] = useState(autoAdvance);
  const { run, busy, error } = useCommand();
  const [saved, setSaved] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form
      className="schedule-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        const next: Deadlines = {};
        for (const p of SCHEDULED_PHASES) {
          const iso = fromLocalInput(values[p] ?? '');
          if (iso) next[p] = iso;
        }
        if (await run({ type: 'setSchedule', deadlines: next, autoAdvance: auto })) setSaved(true);
      }}
    >
      {SCHEDULED_PHASES.map((p) => (
        <label key={p} className="field">
          <span>{NAME[p]} closes</span>
          <input type="datetime-local" value={values[p] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [p]: e.target.value }))} />
        </label>
      ))}
      <p className="muted">Times in your zone ({zone}); everyone sees them in theirs.</p>
      <label className="checkbox">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> Move to the next phase at each deadline
      </label>
      <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
        Save schedule
      </button>
      {saved ? <span className="muted"> Saved.</span> : null}
      <ErrorLine error={error} />
    </form>
  );
}

function ChatForm({ current }: { current: string | null }) {
  const [url, setUrl] = useState('');
  const { run, busy, error } = useCommand();
  return (
    <form
      className="chat-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ type: 'setChatWebhook', url: url.trim() || null })) setUrl('');
      }}
    >
      <label className="field">
        <span>Chat webhook (Slack-compatible){current ? ` — now ${current}` : ''}</span>
        <input type="url" value={url} placeholder="https://hooks.slack.com/services/…" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-small" disabled={busy}>
        {url.trim() ? 'Post phase changes here' : current ? 'Stop posting' : 'Save'}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

import { useSession } from '../../session/SessionProvider.tsx';
import { AgendaList } from './AgendaList.tsx';
import { AttentionControls } from './AttentionControls.tsx';
import { BrainwritingControls } from './BrainwritingControls.tsx';
import { TimerControls } from './TimerControls.tsx';

/** The "Workshop" tab: the facilitator's timer, agenda, brainwriting and attention controls; the agenda for everyone else. */
export function WorkshopPanel() {
  const { you } = useSession();
  return (
    <div className="panel-body workshop-panel">
      {you.role === 'facilitator' ? <TimerControls /> : null}
      <AgendaList />
      {you.role === 'facilitator' ? (
        <>
          <BrainwritingControls />
          <AttentionControls />
        </>
      ) : null}
    </div>
  );
}

import { isClusterId, isIdeaId } from '@throughline/shared';
import { cameraOf } from '../../board/camera.ts';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { useStoreValue } from '../../state/useStore.ts';
import { ErrorLine } from '../ErrorLine.tsx';

/** The facilitator gathers attention: everyone to my view, and a spotlight on the selected idea or cluster. */
export function AttentionControls() {
  const { boardEditor } = useSession();
  const { attention } = useControl();
  const { run, busy, error } = useCommand();
  const selection = useStoreValue(boardEditor.ui, (s) => s.selection);
  const target = selection.size === 1 ? [...selection].find((id) => isIdeaId(id) || isClusterId(id)) : undefined;
  return (
    <section className="ws-section" aria-labelledby="ws-attention">
      <h3 id="ws-attention">Attention</h3>
      <div className="ws-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => run({ type: 'summon', camera: cameraOf(boardEditor.viewport.get(), boardEditor.viewSize) })}
        >
          Bring everyone to my view
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || !target}
          title={target ? 'Highlight it and dim the rest for everyone' : 'Select one note or cluster first'}
          onClick={() => target && run({ type: 'spotlight', target })}
        >
          Spotlight selection
        </button>
        {attention.spotlight ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy}
            onClick={() => run({ type: 'spotlight', target: null })}
          >
            Clear spotlight
          </button>
        ) : null}
      </div>
      <ErrorLine error={error} />
    </section>
  );
}

import { zoomIn, zoomOut, zoomReset, zoomToFit } from '../actions/viewActions.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { useStoreValue } from '../state/useStore.ts';

/** Zoom out / level / in / fit, bottom right as in Miro. Clicking the level resets to 100%. */
export function ZoomControls() {
  const { editor } = useSession();
  const scale = useStoreValue(editor.viewport, (v) => v.scale);
  return (
    <div className="zoom-controls">
      <button type="button" className="btn btn-ghost btn-small" aria-label="Zoom out" onClick={() => editor.run(zoomOut, undefined)}>
        −
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small zoom-level"
        data-testid="zoom-level"
        aria-label={`Zoom ${Math.round(scale * 100)}%, reset to 100%`}
        onClick={() => editor.run(zoomReset, undefined)}
      >
        {Math.round(scale * 100)}%
      </button>
      <button type="button" className="btn btn-ghost btn-small" aria-label="Zoom in" onClick={() => editor.run(zoomIn, undefined)}>
        +
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => editor.run(zoomToFit, undefined)}
        title="Zoom to fit (Shift+1)"
      >
        Fit
      </button>
    </div>
  );
}

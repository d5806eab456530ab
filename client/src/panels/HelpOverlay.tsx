import { useEffect, useRef } from 'react';
import { GESTURES, KEYED_ACTIONS } from '../actions/registry.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';

/** Every shortcut, generated from the action registry so the list cannot drift from the bindings. */
export function HelpOverlay() {
  const { editor } = useSession();
  const open = useStoreValue(editor.ui, (s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => patchStore(editor.ui, { helpOpen: false });
  return (
    // Clicking the backdrop is a mouse shortcut; keyboards have Escape (the dismiss action) and the Close button.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      className="overlay"
      onClick={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay">
        <div className="dialog-head">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="btn btn-small" onClick={close}>
            Close
          </button>
        </div>
        <div className="shortcuts">
          {KEYED_ACTIONS.filter((a) => a.shortcut).map((a) => (
            <div key={a.name}>
              <span>{a.label}</span>
              <kbd>{a.shortcut}</kbd>
            </div>
          ))}
          <div>
            <span>Pan while held</span>
            <kbd>Space</kbd>
          </div>
          <div>
            <span>Copy / cut notes</span>
            <kbd>Ctrl+C / Ctrl+X</kbd>
          </div>
          <div>
            <span>Paste notes, or text as one note per line</span>
            <kbd>Ctrl+V</kbd>
          </div>
        </div>
        <h3>With the mouse</h3>
        <div className="shortcuts">
          {GESTURES.map((g) => (
            <div key={g.label}>
              <span>{g.label}</span>
              <span className="shortcut-how">{g.how}</span>
            </div>
          ))}
        </div>
        <p className="fine-print">On a Mac, use ⌘ where Ctrl is shown.</p>
      </div>
    </div>
  );
}

import { type ComponentType, useEffect, useState } from 'react';

/**
 * A sidebar panel's code: at hand (`PanelLoader.ready`) or downloaded the
 * first time the panel is shown or hinted at (`preload`), which keeps it out
 * of a board link's first load. A failed download is forgotten, so the next
 * attempt fetches afresh.
 */
export class PanelLoader {
  private pending: Promise<ComponentType> | null = null;
  /** The panel once its code is here. */
  loaded: ComponentType | null = null;

  constructor(private readonly load: () => Promise<ComponentType>) {}

  static ready(panel: ComponentType): PanelLoader {
    const loader = new PanelLoader(() => Promise.resolve(panel));
    loader.loaded = panel;
    return loader;
  }

  fetch(): Promise<ComponentType> {
    if (!this.pending) {
      const attempt = this.load().then((panel) => {
        this.loaded = panel;
        return panel;
      });
      attempt.catch(() => {
        if (this.pending === attempt) this.pending = null;
      });
      this.pending = attempt;
    }
    return this.pending;
  }

  /** Starts the download early, e.g. when the pointer rests on the panel's tab. */
  preload = (): void => {
    if (!this.loaded) this.fetch().catch(() => {});
  };
}

/** Shows a panel, with a one-line loading state while its code arrives and a retry if that failed (the board stays up). */
export function PanelView({ loader }: { loader: PanelLoader }) {
  const [, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loader.loaded || failed) return;
    let live = true;
    loader.fetch().then(
      () => live && setReady(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [loader, failed]);
  const Panel = loader.loaded;
  if (Panel) return <Panel />;
  if (failed) {
    return (
      <p className="panel-note" role="alert">
        This panel could not be loaded.{' '}
        <button type="button" className="btn btn-small" onClick={() => setFailed(false)}>
          Try again
        </button>
      </p>
    );
  }
  return (
    <p className="panel-note" aria-busy="true" data-testid="panel-loading">
      Loading…
    </p>
  );
}

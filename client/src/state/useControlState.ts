import { type Brief, type PhaseState, readBrief, readPhase, readSettings, type Settings } from '@throughline/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export interface ControlState {
  phase: PhaseState;
  brief: Brief | null;
  settings: Settings;
}

const read = (doc: Y.Doc): ControlState => ({ phase: readPhase(doc), brief: readBrief(doc), settings: readSettings(doc) });

/**
 * The server-written control doc as React state. Until the doc has synced
 * (empty), the session summary from the API stands in.
 */
export function useControlState(doc: Y.Doc, fallback: ControlState): ControlState {
  const [state, setState] = useState(() => (doc.share.size > 0 && readBrief(doc) ? read(doc) : fallback));
  useEffect(() => {
    const update = () => {
      if (readBrief(doc)) setState(read(doc));
    };
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return state;
}

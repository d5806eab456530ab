import { type Idea, NOTE_SIZE } from '@throughline/shared';
import type Konva from 'konva';
import { memo, useCallback } from 'react';
import { Shape } from '../konva/reactKonva.ts';

/**
 * Zoomed far out, text is unreadable and thousands of notes may be on
 * screen: draw them all as tiles in one canvas pass instead of thousands of
 * Konva nodes. Selection stays visible as an outline.
 */
export const OverviewNotes = memo(function OverviewNotes({
  notes,
  selection,
  scale,
}: {
  notes: readonly Idea[];
  selection: ReadonlySet<string>;
  scale: number;
}) {
  const draw = useCallback(
    (context: Konva.Context) => {
      const c = context._context;
      const line = 1 / scale;
      c.lineWidth = line;
      c.strokeStyle = 'rgba(0,0,0,0.18)';
      for (const n of notes) {
        c.fillStyle = n.color;
        c.fillRect(n.x, n.y, NOTE_SIZE.width, NOTE_SIZE.height);
        c.strokeRect(n.x, n.y, NOTE_SIZE.width, NOTE_SIZE.height);
      }
      if (selection.size > 0) {
        c.lineWidth = 2 * line;
        c.strokeStyle = '#1c7ed6';
        for (const n of notes) {
          if (selection.has(n.id)) c.strokeRect(n.x - 3 * line, n.y - 3 * line, NOTE_SIZE.width + 6 * line, NOTE_SIZE.height + 6 * line);
        }
      }
    },
    [notes, selection, scale],
  );
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
});

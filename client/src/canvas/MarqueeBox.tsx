import type { Rect as Box } from '../board/viewport.ts';
import { Rect } from '../konva/reactKonva.ts';
import type { Store } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';

/** The selection box being drawn, in board coordinates. */
export function MarqueeBox({ marquee }: { marquee: Store<Box | null> }) {
  const r = useStoreValue(marquee);
  if (!r) return null;
  return (
    <Rect
      x={r.x}
      y={r.y}
      width={r.width}
      height={r.height}
      fill="rgba(28,126,214,0.08)"
      stroke="#1c7ed6"
      strokeWidth={1}
      strokeScaleEnabled={false}
      dash={[4, 4]}
      listening={false}
    />
  );
}

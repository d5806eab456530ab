import type { Cluster } from '@throughline/shared';
import { memo } from 'react';
import { CLUSTER_TITLE_HEIGHT } from '../board/geometry.ts';
import { NOTE_FONT } from '../board/noteText.ts';
import { Group, Line, Rect, Text } from '../konva/reactKonva.ts';

/** A titled frame behind the notes. The title hides while this person renames it in the DOM input. */
export const ClusterFrame = memo(function ClusterFrame({
  cluster,
  selected,
  memberCount,
  hideTitle,
  scale,
  dimmed,
  spotlit,
}: {
  cluster: Cluster;
  selected: boolean;
  memberCount: number;
  hideTitle: boolean;
  /** Zoom level (of the cull window, so it changes rarely): zoomed out, the title grows to stay legible. */
  scale: number;
  dimmed?: boolean;
  spotlit?: boolean;
}) {
  const { width: w, height: h } = cluster;
  const titleSize = Math.min(Math.max(20, 14 / scale), h / 3, w / 6);
  return (
    <Group x={cluster.x} y={cluster.y} listening={false} opacity={dimmed ? 0.25 : 1}>
      <Rect
        width={w}
        height={h}
        fill={cluster.color}
        stroke={spotlit ? '#f59f00' : selected ? '#1c7ed6' : '#ced4da'}
        strokeWidth={spotlit ? 4 : selected ? 2 : 1}
        strokeScaleEnabled={false}
        cornerRadius={10}
        perfectDrawEnabled={false}
      />
      {hideTitle ? null : (
        <Text
          x={16}
          y={12}
          width={Math.max(0, w - 32)}
          text={cluster.title || 'Untitled cluster'}
          fontSize={titleSize}
          fontStyle="bold"
          fontFamily={NOTE_FONT}
          fill={cluster.title ? '#343a40' : '#adb5bd'}
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      {titleSize > 20 ? null : (
        // The count sits at the bottom, so the title keeps the whole width of the strip.
        <Text
          x={16}
          y={h - 24}
          width={Math.max(0, w - 48)}
          text={`${memberCount} note${memberCount === 1 ? '' : 's'}`}
          fontSize={13}
          fontFamily={NOTE_FONT}
          fill="#868e96"
          perfectDrawEnabled={false}
        />
      )}
      {titleSize > 20 ? null : (
        <Line points={[0, CLUSTER_TITLE_HEIGHT, w, CLUSTER_TITLE_HEIGHT]} stroke="#e9ecef" strokeWidth={1} strokeScaleEnabled={false} />
      )}
      <Line points={[w - 14, h - 4, w - 4, h - 14]} stroke="#adb5bd" strokeWidth={1.5} strokeScaleEnabled={false} />
      <Line points={[w - 9, h - 4, w - 4, h - 9]} stroke="#adb5bd" strokeWidth={1.5} strokeScaleEnabled={false} />
    </Group>
  );
});

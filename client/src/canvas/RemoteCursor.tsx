import { memo } from 'react';
import { NOTE_FONT } from '../board/noteText.ts';
import { Group, Line, Rect, Text } from '../konva/reactKonva.ts';

/** Another person's pointer: an arrow and a name tag, the same size on screen at any zoom. */
export const RemoteCursor = memo(function RemoteCursor({
  x,
  y,
  name,
  color,
  scale,
}: {
  x: number;
  y: number;
  name: string;
  color: string;
  scale: number;
}) {
  const inv = 1 / scale;
  const label = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  return (
    <Group x={x} y={y} scaleX={inv} scaleY={inv} listening={false}>
      <Line points={[0, 0, 0, 17, 4.5, 13, 8, 20.5, 10.5, 19.5, 7, 12, 12.5, 12]} closed fill={color} stroke="#ffffff" strokeWidth={1.2} />
      <Rect x={12} y={18} width={label.length * 7 + 14} height={20} fill={color} cornerRadius={4} />
      <Text x={19} y={22} text={label} fontSize={12} fontFamily={NOTE_FONT} fill="#ffffff" />
    </Group>
  );
});

import './konvaCore.ts';

/**
 * react-konva's components over the trimmed Konva (see konvaCore.ts). The
 * package's own entry imports all of `konva`; its core entry does not.
 */
export { Group, Layer, Line, Rect, Shape, Stage, Text } from 'react-konva/lib/ReactKonvaCore.js';

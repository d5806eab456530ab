import 'konva/lib/Core.js';

/**
 * Konva's core (stage, layers, groups, custom shapes) plus the three shapes
 * the board draws. The full `konva` entry registers every shape and filter,
 * about 20 KB gzipped that a board link would download for nothing. Import
 * Konva classes from here and react-konva from `./reactKonva.ts`, never
 * from `konva` or `react-konva` themselves (type-only imports are fine).
 */
export { Group } from 'konva/lib/Group.js';
export { Layer } from 'konva/lib/Layer.js';
export { Shape } from 'konva/lib/Shape.js';
export { Stage } from 'konva/lib/Stage.js';
export { Line } from 'konva/lib/shapes/Line.js';
export { Rect } from 'konva/lib/shapes/Rect.js';
export { Text } from 'konva/lib/shapes/Text.js';

import { z } from 'zod';

/** A view of the board: the canvas offset and zoom, as every client's camera is stored. */
export const CameraSchema = z.object({
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
  zoom: z.number().finite().min(0.02).max(20),
});
export type Camera = z.output<typeof CameraSchema>;

/**
 * `control.attention`: where the facilitator has pointed the room.
 *
 * - `summon`: the last "bring everyone to my view". Clients move when its
 *   `id` changes while they watch; one that loads later does not jump to an
 *   old summon (its `at` is in the past).
 * - `spotlight`: the idea or cluster everyone's board highlights (the rest
 *   dims) until the facilitator clears it.
 */
export interface Summon {
  id: string;
  camera: Camera;
  /** Server epoch ms. */
  at: number;
  by: string;
  byName: string;
}

export interface Spotlight {
  target: string;
  kind: 'idea' | 'cluster';
  at: number;
  by: string;
}

export interface Attention {
  summon: Summon | null;
  spotlight: Spotlight | null;
}

/** How long after a summon a client that just connected still follows it. */
export const SUMMON_FRESH_MS = 10_000;

import { type Camera, CameraSchema } from '@throughline/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { Point } from '../board/viewport.ts';
import { coalesce, frameScheduler, type Schedule } from '../state/frameScheduler.ts';

/** Another person's presence as their awareness state says (identity stamped by the server). */
export interface Peer {
  clientId: number;
  participantId: string;
  name: string;
  color: string;
  role: string;
  cursor: Point | null;
  selection: readonly string[];
  editing: string | null;
  /** Where they are looking (board centre and zoom), for follow. */
  camera: Camera | null;
}

const asPoint = (v: unknown): Point | null =>
  v && typeof v === 'object' && Number.isFinite((v as Point).x) && Number.isFinite((v as Point).y) ? (v as Point) : null;

const asCamera = (v: unknown): Camera | null => {
  const c = CameraSchema.safeParse(v);
  return c.success ? c.data : null;
};

/** Reads one awareness state tolerantly; states without a server-stamped user are not people. */
export function peerFromState(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.participantId !== 'string') return null;
  return {
    clientId,
    participantId: user.participantId,
    name: typeof user.name === 'string' ? user.name : 'Someone',
    color: typeof user.color === 'string' ? user.color : '#868e96',
    role: typeof user.role === 'string' ? user.role : 'participant',
    cursor: asPoint(state.cursor),
    selection: Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string').slice(0, 500) : [],
    editing: typeof state.editing === 'string' ? state.editing : null,
    camera: asCamera(state.camera),
  };
}

/**
 * Everyone else's cursors, selections and edits, re-read at most once per
 * frame; and this person's own, sent at most once per frame however fast
 * the pointer moves.
 */
export class PresenceStore {
  peers: readonly Peer[] = [];
  /** Who is editing each note (other people only). */
  editors: ReadonlyMap<string, Peer> = new Map();
  private _version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly readSoon: { request(): void; cancel(): void };
  private readonly sendSoon: { request(): void; cancel(): void };
  private pendingLocal: Record<string, unknown> = {};

  constructor(
    private readonly awareness: Awareness,
    schedule: Schedule = frameScheduler(),
  ) {
    this.readSoon = coalesce(schedule, () => this.read());
    this.sendSoon = coalesce(schedule, () => this.send());
    awareness.on('change', this.onChange);
    // A fresh awareness state has clock 0, which peers meeting us for the first time ignore;
    // setting it once moves the clock on, so we show up as "here" before the mouse moves.
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), cursor: null, selection: [], editing: null });
    this.read();
  }

  get version() {
    return this._version;
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = () => this._version;

  setCursor(p: Point | null) {
    this.pendingLocal.cursor = p ? { x: Math.round(p.x), y: Math.round(p.y) } : null;
    this.sendSoon.request();
  }

  setSelection(ids: readonly string[]) {
    this.pendingLocal.selection = ids.slice(0, 500);
    this.sendSoon.request();
  }

  /** The caller throttles (see CameraLink); sent with the next frame's presence. */
  setCamera(camera: Camera) {
    this.pendingLocal.camera = camera;
    this.sendSoon.request();
  }

  /** Sent at once (not per frame): the "editing" marker should appear as soon as typing starts. */
  setEditing(id: string | null) {
    this.awareness.setLocalStateField('editing', id);
  }

  destroy() {
    this.readSoon.cancel();
    this.sendSoon.cancel();
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }

  private onChange = () => this.readSoon.request();

  private send() {
    const local = this.awareness.getLocalState() ?? {};
    this.awareness.setLocalState({ ...local, ...this.pendingLocal });
    this.pendingLocal = {};
  }

  private read() {
    const self = this.awareness.clientID;
    const peers: Peer[] = [];
    for (const [id, state] of this.awareness.getStates()) {
      if (id === self) continue;
      const p = peerFromState(id, state);
      if (p) peers.push(p);
    }
    const editors = new Map<string, Peer>();
    for (const p of peers) if (p.editing) editors.set(p.editing, p);
    this.peers = peers;
    // Keep the map's identity while nobody starts or stops editing, so the canvas ignores cursor-only frames.
    if (!sameEditors(this.editors, editors)) this.editors = editors;
    this._version++;
    for (const l of [...this.listeners]) l();
  }
}

function sameEditors(a: ReadonlyMap<string, Peer>, b: ReadonlyMap<string, Peer>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, p] of b) {
    const q = a.get(id);
    if (!q || q.clientId !== p.clientId || q.name !== p.name || q.color !== p.color) return false;
  }
  return true;
}

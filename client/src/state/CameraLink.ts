import type { Camera } from '@throughline/shared';
import { cameraOf, sameCamera, viewportFor } from '../board/camera.ts';
import type { Size, Viewport } from '../board/viewport.ts';
import type { PresenceStore } from '../sync/PresenceStore.ts';
import { createStore, type Store } from './createStore.ts';

/** At most ten camera updates a second go out (DESIGN.md "Follow, summon, spotlight"). */
export const CAMERA_SEND_MS = 100;

/**
 * Ties this person's camera to the room: sends it in awareness (throttled),
 * follows another person's camera until this person pans or zooms
 * themselves (Miro's follow), and jumps to a summoned view.
 */
export class CameraLink {
  /** The participant being followed, or null. */
  readonly following: Store<string | null> = createStore<string | null>(null);
  /** The viewport this link set last: any other change is the person moving, which ends following. */
  private placed: Viewport | null = null;
  private lastSent = 0;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly offViewport: () => void;
  private readonly offPresence: () => void;

  constructor(
    private readonly viewport: Store<Viewport>,
    private readonly viewSize: () => Size,
    private readonly presence: PresenceStore,
  ) {
    this.offViewport = viewport.subscribe(this.onViewport);
    this.offPresence = presence.subscribe(this.onPresence);
    this.send();
  }

  follow(participantId: string | null): void {
    this.following.set(participantId);
    if (participantId) this.onPresence();
  }

  /** Moves this person's view to `camera` (a summon, or the person being followed). */
  goTo(camera: Camera): void {
    const next = viewportFor(camera, this.viewSize());
    this.placed = next;
    this.viewport.set(next);
  }

  destroy(): void {
    this.offViewport();
    this.offPresence();
    if (this.sendTimer) clearTimeout(this.sendTimer);
  }

  private onViewport = () => {
    if (this.viewport.get() !== this.placed && this.following.get()) this.following.set(null);
    this.scheduleSend();
  };

  private onPresence = () => {
    const id = this.following.get();
    if (!id) return;
    const peer = this.presence.peers.find((p) => p.participantId === id && p.camera);
    if (!peer?.camera) return;
    if (sameCamera(peer.camera, cameraOf(this.viewport.get(), this.viewSize()))) return;
    this.goTo(peer.camera);
  };

  private scheduleSend() {
    if (this.sendTimer) return;
    const wait = Math.max(0, this.lastSent + CAMERA_SEND_MS - Date.now());
    this.sendTimer = setTimeout(() => {
      this.sendTimer = null;
      this.send();
    }, wait);
  }

  private send() {
    this.lastSent = Date.now();
    this.presence.setCamera(cameraOf(this.viewport.get(), this.viewSize()));
  }
}

import { MessageType } from '@throughline/shared';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { backOffWhenThrottled, reconnectsAfter } from './backOffWhenThrottled.ts';

/**
 * The session's `comments` doc over its own socket. Comments are written
 * whole (one transaction per comment, edit or delete), so a stock provider
 * without acknowledgements or an offline copy is enough: a comment typed
 * offline stays in the composer until the socket is back.
 */
export class CommentsConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly stopBackOff: () => void;
  /** Reasons the server gave for refusing a write (shown under the composer). */
  private readonly refusals = new Set<(reason: string) => void>();

  constructor(sessionId: string, token: string, wsOrigin = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`) {
    this.provider = new WebsocketProvider(`${wsOrigin}/sync/${sessionId}`, 'comments', this.doc, {
      params: { token },
      disableBc: true,
      shouldReconnect: reconnectsAfter,
    });
    this.stopBackOff = backOffWhenThrottled(this.provider);
    // The server's refusal arrives as y-protocols permission-denied; the provider logs it, we tell the UI.
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
        for (const f of this.refusals) f(reason);
      });
    };
    // Comments carry no presence.
    this.provider.awareness.setLocalState(null);
  }

  get online(): boolean {
    return this.provider.wsconnected;
  }

  onRefused(f: (reason: string) => void): () => void {
    this.refusals.add(f);
    return () => this.refusals.delete(f);
  }

  destroy(): void {
    this.stopBackOff();
    this.provider.destroy();
    this.doc.destroy();
  }
}

import { draftsDocName } from '@throughline/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './BoardConnection.ts';
import { backOffWhenThrottled, reconnectsAfter } from './backOffWhenThrottled.ts';

/**
 * This participant's private drafts (`drafts:<participantId>`), open while
 * private brainwriting is on. Only its author may open it; the server
 * publishes it to the board at "Reveal all" and empties it.
 */
export class DraftsConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly stopBackOff: () => void;

  constructor(
    sessionId: string,
    participantId: string,
    token: string,
    wsOrigin = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`,
  ) {
    this.provider = new WebsocketProvider(`${wsOrigin}/sync/${sessionId}`, draftsDocName(participantId), this.doc, {
      disableBc: true,
      params: { token },
      shouldReconnect: reconnectsAfter,
    });
    this.stopBackOff = backOffWhenThrottled(this.provider);
    sendOwnAwarenessOnly(this.provider);
  }

  destroy(): void {
    this.stopBackOff();
    this.provider.destroy();
    this.doc.destroy();
  }
}

import type * as Y from 'yjs';

/** The chat webhook's full URL (often a bearer secret, as Slack's are) in the server-only `private` doc. */
const map = (priv: Y.Doc) => priv.getMap<unknown>('chat');

export function readChatTarget(priv: Y.Doc): string | null {
  const url = map(priv).get('url');
  return typeof url === 'string' && url ? url : null;
}

/** Call inside a transaction. */
export function writeChatTarget(priv: Y.Doc, url: string | null): void {
  if (url) map(priv).set('url', url);
  else map(priv).delete('url');
}

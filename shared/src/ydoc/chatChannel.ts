import type * as Y from 'yjs';

/** Control root `chat`: the masked chat webhook URL everyone sees (the full URL is server-only). */
export const CHAT_ROOT = 'chat';

export function readChatChannel(control: Y.Doc): { url: string | null } {
  const url = control.getMap<unknown>(CHAT_ROOT).get('url');
  return { url: typeof url === 'string' ? url : null };
}

export const writeChatChannel = (control: Y.Doc, maskedUrl: string | null) => control.getMap<unknown>(CHAT_ROOT).set('url', maskedUrl);

import { ThreadKeySchema } from '@throughline/shared';

/**
 * The thread a mail's link asks to open (`?thread=idea:…` or `step:…`), once:
 * the parameter is taken off the address so a reload does not open it again.
 */
export function threadFromLink(): string | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const key = url.searchParams.get('thread');
  if (key === null) return null;
  url.searchParams.delete('thread');
  history.replaceState(history.state, '', url.toString());
  return ThreadKeySchema.safeParse(key).success ? key : null;
}

/**
 * Where a session's token lives in this browser. Each tab keeps its own in
 * sessionStorage (two tabs may be two people: a facilitator and a test
 * participant); localStorage keeps the latest so a new tab or a restarted
 * browser opens the board without re-joining, as Miro's links do.
 */
export interface StoredIdentity {
  token: string;
  participantId: string;
  role: string;
  name: string;
}

const key = (sessionId: string) => `throughline:identity:${sessionId}`;

function read(storage: Storage | undefined, sessionId: string): StoredIdentity | null {
  try {
    const raw = storage?.getItem(key(sessionId));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredIdentity>;
    return typeof v.token === 'string'
      ? { token: v.token, participantId: v.participantId ?? '', role: v.role ?? '', name: v.name ?? '' }
      : null;
  } catch {
    return null;
  }
}

const storages = () => ({
  tab: typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
  browser: typeof localStorage === 'undefined' ? undefined : localStorage,
});

export function loadIdentity(sessionId: string): StoredIdentity | null {
  const { tab, browser } = storages();
  return read(tab, sessionId) ?? read(browser, sessionId);
}

export function saveIdentity(sessionId: string, id: StoredIdentity): void {
  const { tab, browser } = storages();
  const raw = JSON.stringify(id);
  try {
    tab?.setItem(key(sessionId), raw);
    browser?.setItem(key(sessionId), raw);
  } catch {
    // Storage full or blocked: the link still works for this page view.
  }
}

export function forgetIdentity(sessionId: string): void {
  const { tab, browser } = storages();
  try {
    tab?.removeItem(key(sessionId));
    browser?.removeItem(key(sessionId));
  } catch {}
}

const NAME_KEY = 'throughline:displayName';
export const rememberedName = () => {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
};
export const rememberName = (name: string) => {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {}
};

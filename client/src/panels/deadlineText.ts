const WEEK = 7 * 86_400_000;

/**
 * "Fri 17:00" in the viewer's own time zone (and locale), with the date
 * when the deadline is a week or more away or past: "Fri 4 Dec, 17:00".
 */
export function deadlineText(iso: string, now = Date.now(), locale?: string, timeZone?: string): string {
  const at = Date.parse(iso);
  const far = Math.abs(at - now) >= WEEK - 86_400_000 || at < now;
  return new Date(at).toLocaleString(locale, {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  });
}

/** An ISO time as the value of `<input type="datetime-local">` in the viewer's zone. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input (the viewer's zone) as an ISO time in UTC; undefined when empty. */
export const fromLocalInput = (v: string): string | undefined => (v ? new Date(v).toISOString() : undefined);

/**
 * Runs `fn` once at the next animation frame however often it is asked in
 * between — how remote changes reach React at most once per frame. Hidden
 * tabs get no frames, so a timeout stands in to keep lists current there.
 */
export type Schedule = (fn: () => void) => void;

export function frameScheduler(fallbackMs = 250): Schedule {
  if (typeof requestAnimationFrame !== 'function') return (fn) => void setTimeout(fn, 0);
  return (fn) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
      fn();
    };
    const raf = requestAnimationFrame(run);
    const timer = setTimeout(run, fallbackMs);
  };
}

/** Coalesces calls: `request()` many times, `fn` runs once per scheduled tick. */
export function coalesce(schedule: Schedule, fn: () => void): { request(): void; cancel(): void } {
  let pending = false;
  let cancelled = false;
  return {
    request() {
      if (pending || cancelled) return;
      pending = true;
      schedule(() => {
        pending = false;
        if (!cancelled) fn();
      });
    },
    cancel() {
      cancelled = true;
    },
  };
}

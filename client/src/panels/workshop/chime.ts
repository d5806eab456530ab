import { createStore } from '../../state/createStore.ts';

const KEY = 'throughline:chime';

const stored = () => {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
};

/** This person's choice to hear a chime at "Time's up" (off by default; kept in this browser). */
export const chimeOn = createStore<boolean>(stored());

export function setChime(on: boolean): void {
  chimeOn.set(on);
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private mode without storage: the choice lasts for this page.
  }
  // Browsers allow audio only after a gesture: this click is one, so prepare the context now.
  if (on) audio();
}

let ctx: AudioContext | null = null;
const audio = () => {
  ctx ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  return ctx;
};

/** Two soft tones. */
export function playChime(): void {
  const a = audio();
  if (!a) return;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = a.createOscillator();
    const gain = a.createGain();
    const t = a.currentTime + i * 0.25;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    osc.connect(gain).connect(a.destination);
    osc.start(t);
    osc.stop(t + 0.65);
  }
}

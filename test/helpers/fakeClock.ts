/** A clock tests move by hand, for deadlines and reminders without waiting. */
export class FakeClock {
  constructor(private t: number = Date.parse('2026-12-04T09:00:00Z')) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  iso(offsetMs = 0): string {
    return new Date(this.t + offsetMs).toISOString();
  }
}

export const HOUR = 3_600_000;

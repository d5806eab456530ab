import { TokenBucket } from './TokenBucket.ts';

/** What writes may cost over time: structs plus delete ranges, and bytes. */
export interface Budget {
  structsPerSecond: number;
  structBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export interface WriteBudgetLimits {
  /** One participant, over all their sockets and reconnects. */
  participant: Budget;
  /** Everyone in one session together. */
  session: Budget;
  /** The first back-off; each further offence doubles it, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Offences older than this are forgotten: the next back-off starts small again. */
  forgetAfterMs: number;
}

interface Account {
  structs: TokenBucket;
  bytes: TokenBucket;
}

interface Offender {
  offences: number;
  /** No new socket before this time. */
  until: number;
  last: number;
}

/** The refusal of a write over budget: what ran out, and how long the participant is now backed off. */
export interface OverBudget {
  what: string;
  waitMs: number;
}

const account = (b: Budget): Account => ({
  structs: new TokenBucket(b.structsPerSecond, b.structBurst),
  bytes: new TokenBucket(b.bytesPerSecond, b.byteBurst),
});

/**
 * What writes each participant, and each session, may send this instance,
 * remembered across sockets: a per-socket bound is reset by reconnecting,
 * and a provider's sync step 2 resends everything the server refused, so
 * the expensive part (apply, append, fan-out) must be paid from a budget
 * that outlives the socket. A participant who overspends, or whose socket
 * broke a per-socket limit or a bound, is backed off: no new socket until
 * the back-off ends, doubling with each offence. Kept in memory per
 * instance (see docs/decisions/1840-write-budgets.md).
 */
export class WriteBudgets {
  private readonly participants = new Map<string, Account>();
  private readonly sessions = new Map<string, Account>();
  private readonly offenders = new Map<string, Offender>();

  constructor(private readonly limits: WriteBudgetLimits) {}

  /** How long `participantId` must still wait before a new socket; 0 when they may connect. */
  waitMs(sessionId: string, participantId: string, now = Date.now()): number {
    const o = this.offenders.get(key(sessionId, participantId));
    return o ? Math.max(0, o.until - now) : 0;
  }

  /**
   * Takes a write's cost from the participant's and the session's budgets,
   * all or nothing; checked on counts read before the update is decoded.
   * Null when taken; otherwise nothing is taken and the participant is
   * backed off at least until the cost would fit.
   */
  charge(sessionId: string, participantId: string, structs: number, bytes: number, now = Date.now()): OverBudget | null {
    const who = key(sessionId, participantId);
    const mine = this.accountOf(this.participants, who, this.limits.participant);
    const session = this.accountOf(this.sessions, sessionId, this.limits.session);
    const short = [
      { bucket: mine.structs, cost: structs, what: 'too many changes per second' },
      { bucket: mine.bytes, cost: bytes, what: 'too many bytes of changes per second' },
      { bucket: session.structs, cost: structs, what: 'too many changes per second on this board' },
      { bucket: session.bytes, cost: bytes, what: 'too many bytes of changes per second on this board' },
    ].filter((c) => c.bucket.available(now) < c.cost);
    if (short.length === 0) {
      mine.structs.take(structs, now);
      mine.bytes.take(bytes, now);
      session.structs.take(structs, now);
      session.bytes.take(bytes, now);
      return null;
    }
    const fits = Math.max(...short.map((c) => c.bucket.msUntil(c.cost, now)));
    return { what: (short[0] as { what: string }).what, waitMs: this.penalise(sessionId, participantId, fits, now) };
  }

  /**
   * Records an offence and returns the back-off it earns (ms): doubling
   * from `backoffMs`, at least `atLeastMs`, at most `maxBackoffMs`.
   */
  penalise(sessionId: string, participantId: string, atLeastMs = 0, now = Date.now()): number {
    const who = key(sessionId, participantId);
    const prior = this.offenders.get(who);
    const offences = prior && now - prior.last < this.limits.forgetAfterMs ? prior.offences + 1 : 1;
    const doubling = this.limits.backoffMs * 2 ** Math.min(offences - 1, 20);
    const waitMs = Math.min(this.limits.maxBackoffMs, Math.max(doubling, atLeastMs));
    this.offenders.set(who, { offences, until: Math.max(prior?.until ?? 0, now + waitMs), last: now });
    return waitMs;
  }

  /** Forgets full budgets and old offences (they hold nothing a fresh entry would not). */
  prune(now = Date.now()): void {
    for (const map of [this.participants, this.sessions]) {
      for (const [k, a] of map) if (a.structs.isFull(now) && a.bytes.isFull(now)) map.delete(k);
    }
    for (const [k, o] of this.offenders) if (now > o.until && now - o.last >= this.limits.forgetAfterMs) this.offenders.delete(k);
  }

  /** Entries held (for tests of pruning). */
  get size(): number {
    return this.participants.size + this.sessions.size + this.offenders.size;
  }

  private accountOf(map: Map<string, Account>, k: string, b: Budget): Account {
    let a = map.get(k);
    if (!a) {
      a = account(b);
      map.set(k, a);
    }
    return a;
  }
}

const key = (sessionId: string, participantId: string) => `${sessionId}\n${participantId}`;

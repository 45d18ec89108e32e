import type { TimerOutcome } from './timer-outcome';

/** A timer whose time has come, as its handler sees it. */
export interface DueTimer<P = unknown> {
  kind: string;
  /** The key it was scheduled under: one pending timer per (kind, key). */
  key: string;
  /** When it was scheduled to fire; retries fire later. */
  dueAt: Date;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

/** Does what a timer of one kind stands for; must be idempotent, as a crash mid-run runs it again. */
export type TimerHandler<P = unknown> = (timer: DueTimer<P>) => Promise<TimerOutcome>;

/** What is stored with each timer; the library's job payload. */
export interface StoredTimer {
  key: string;
  dueAt: string;
  payload: unknown;
}

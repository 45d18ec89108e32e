import type { FaultSeverity } from '@vigil/contracts';
import { SlaContract } from './sla-contract';
import { addClockTime, Interval } from './working-time';

/** One SLA clock of a ticket, epoch milliseconds. */
export interface SlaClockState {
  startedAt: number;
  durationMs: number;
  dueAt: number;
  warnAt: number;
  metAt: number | null;
  warned: boolean;
  breached: boolean;
}

/** A ticket's two clocks: attendance and fix. */
export interface TicketClocks {
  response: SlaClockState;
  fix: SlaClockState;
}

/** Starts both clocks of a ticket at `startedAt` (opened, or reopened), windows already known stopping them. */
export function startClocks(startedAt: number, severity: FaultSeverity, contract: SlaContract, windows: readonly Interval[]): TicketClocks {
  const times = contract.times[severity];
  return {
    response: startClock(startedAt, times.respondMinutes * 60_000, contract.warnAtFraction, windows),
    fix: startClock(startedAt, times.fixMinutes * 60_000, contract.warnAtFraction, windows),
  };
}

function startClock(startedAt: number, durationMs: number, warnAtFraction: number, windows: readonly Interval[]): SlaClockState {
  return { startedAt, durationMs, ...deadlines(startedAt, durationMs, warnAtFraction, windows), metAt: null, warned: false, breached: false };
}

function deadlines(startedAt: number, durationMs: number, warnAtFraction: number, windows: readonly Interval[]): { dueAt: number; warnAt: number } {
  return { dueAt: addClockTime(startedAt, durationMs, windows), warnAt: addClockTime(startedAt, Math.round(durationMs * warnAtFraction), windows) };
}

/**
 * The clock's deadlines with the windows as they are now (one created or cancelled since): a met
 * or breached clock is history and keeps its deadlines; a warned one keeps its warning.
 */
export function recomputeClock(clock: SlaClockState, warnAtFraction: number, windows: readonly Interval[]): SlaClockState {
  if (clock.metAt !== null || clock.breached) return clock;
  return { ...clock, ...deadlines(clock.startedAt, clock.durationMs, warnAtFraction, windows) };
}

/** What a clock's timer should do when it fires, and why. */
export type ClockAlarm =
  | { action: 'warn'; reason: 'warning-time-reached' }
  | { action: 'breach'; reason: 'deadline-passed' }
  | { action: 'reschedule'; at: number; reason: 'moved-by-maintenance' | 'warned-awaiting-deadline' }
  | { action: 'none'; reason: 'clock-met' | 'already-breached' };

/**
 * Decides a clock timer's firing at `now`. Timers are scheduled for the deadlines known when they
 * were set; a maintenance window since may have moved them later, so the clock (recomputed) is
 * asked again rather than trusted. A warning and a breach due together (a restart after both
 * passed) breach: the warning would say less than the truth.
 */
export function decideClockAlarm(clock: SlaClockState, now: number): ClockAlarm {
  if (clock.metAt !== null) return { action: 'none', reason: 'clock-met' };
  if (clock.breached) return { action: 'none', reason: 'already-breached' };
  if (now >= clock.dueAt) return { action: 'breach', reason: 'deadline-passed' };
  if (!clock.warned && now >= clock.warnAt) return { action: 'warn', reason: 'warning-time-reached' };
  if (!clock.warned) return { action: 'reschedule', at: clock.warnAt, reason: 'moved-by-maintenance' };
  return { action: 'reschedule', at: clock.dueAt, reason: 'warned-awaiting-deadline' };
}

/** Stops a clock because its step was done at `at`; late is still met, the breach stays recorded. */
export function meetClock(clock: SlaClockState, at: number): SlaClockState {
  return clock.metAt !== null ? clock : { ...clock, metAt: at };
}

/** When a clock's timer should next fire: its warning, then its deadline; null once met or breached. */
export function nextAlarmAt(clock: SlaClockState): number | null {
  if (clock.metAt !== null || clock.breached) return null;
  return clock.warned ? clock.dueAt : clock.warnAt;
}

import { AppTimers, Queryable } from '@vigil/timers';
import { nextAlarmAt, TicketClocks } from '../domain/sla-clock';

/** The timer kind of both SLA clocks: one pending timer per ticket and clock. */
export const SLA_CLOCK_TIMER = 'sla-clock';

/** Which of a ticket's clocks. */
export type ClockName = keyof TicketClocks;

/** What an SLA clock timer carries. */
export interface SlaClockTimerPayload {
  ticketId: string;
  clock: ClockName;
}

/**
 * Sets each clock's timer to its next alarm (warning, then deadline), or cancels it once the clock
 * is met or breached, in the caller's transaction: the timers are exactly what the committed clocks say.
 */
export async function syncClockTimers(timers: AppTimers, ticketId: string, clocks: TicketClocks, manager: Queryable): Promise<void> {
  for (const clock of ['response', 'fix'] as const) {
    const at = nextAlarmAt(clocks[clock]);
    const key = `${ticketId}:${clock}`;
    if (at === null) await timers.cancel(SLA_CLOCK_TIMER, key, { manager });
    else await timers.schedule(SLA_CLOCK_TIMER, key, new Date(at), { ticketId, clock } satisfies SlaClockTimerPayload, { manager });
  }
}

import { SlaClock } from '@vigil/contracts';
import { SlaClockState, TicketClocks } from '../domain/sla-clock';
import { TicketEntity } from './ticket.entity';

/** The ticket's stored clocks as the domain computes with them. */
export function clocksOf(ticket: TicketEntity): TicketClocks {
  return {
    response: {
      startedAt: ticket.responseStartedAt.getTime(),
      durationMs: Number(ticket.responseDurationMs),
      dueAt: ticket.responseDueAt.getTime(),
      warnAt: ticket.responseWarnAt.getTime(),
      metAt: ticket.responseMetAt?.getTime() ?? null,
      warned: ticket.responseWarned,
      breached: ticket.responseBreached,
    },
    fix: {
      startedAt: ticket.fixStartedAt.getTime(),
      durationMs: Number(ticket.fixDurationMs),
      dueAt: ticket.fixDueAt.getTime(),
      warnAt: ticket.fixWarnAt.getTime(),
      metAt: ticket.fixMetAt?.getTime() ?? null,
      warned: ticket.fixWarned,
      breached: ticket.fixBreached,
    },
  };
}

/** The columns of a ticket that store its clocks. */
export type ClockColumns = Pick<
  TicketEntity,
  | 'responseStartedAt'
  | 'responseDurationMs'
  | 'responseDueAt'
  | 'responseWarnAt'
  | 'responseMetAt'
  | 'responseWarned'
  | 'responseBreached'
  | 'fixStartedAt'
  | 'fixDurationMs'
  | 'fixDueAt'
  | 'fixWarnAt'
  | 'fixMetAt'
  | 'fixWarned'
  | 'fixBreached'
>;

/** The columns that store a ticket's clocks. */
export function clockColumns(clocks: TicketClocks): ClockColumns {
  const { response: r, fix: f } = clocks;
  return {
    responseStartedAt: new Date(r.startedAt),
    responseDurationMs: String(r.durationMs),
    responseDueAt: new Date(r.dueAt),
    responseWarnAt: new Date(r.warnAt),
    responseMetAt: r.metAt === null ? null : new Date(r.metAt),
    responseWarned: r.warned,
    responseBreached: r.breached,
    fixStartedAt: new Date(f.startedAt),
    fixDurationMs: String(f.durationMs),
    fixDueAt: new Date(f.dueAt),
    fixWarnAt: new Date(f.warnAt),
    fixMetAt: f.metAt === null ? null : new Date(f.metAt),
    fixWarned: f.warned,
    fixBreached: f.breached,
  };
}

/** A clock as the published ticket shows it. */
export function clockView(clock: SlaClockState): SlaClock {
  return {
    dueAt: new Date(clock.dueAt).toISOString(),
    warnAt: new Date(clock.warnAt).toISOString(),
    metAt: clock.metAt === null ? null : new Date(clock.metAt).toISOString(),
    warned: clock.warned,
    breached: clock.breached,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AppTimers, timersToken } from '@vigil/timers';
import { ClockAlarm, decideClockAlarm, recomputeClock, TicketClocks } from '../../domain/sla-clock';
import { DEFAULT_SLA_CONTRACT } from '../../domain/sla-contract';
import { FAULTS_OPTIONS, FaultsOptions } from '../../faults.options';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { windowsOver } from '../../maintenance/windows-over';
import { recordTicketChange } from '../record-ticket-change';
import { ClockName, syncClockTimers } from '../sla-timers';
import { camerasOfTickets } from '../ticket-cameras';
import { clockColumns, clocksOf } from '../ticket-clocks';
import { TicketEntity } from '../ticket.entity';

/**
 * An SLA clock's timer fired: the clock is recomputed with the maintenance windows as they are
 * now and asked what is due. A warning or a breach is a ticket change (version, timeline, event);
 * otherwise the timer is set again for the clock's next alarm. Idempotent: a second run finds the
 * warning or breach recorded and does nothing, so a crash mid-run or a restart loses and doubles none.
 */
@Injectable()
export class CheckSlaClockUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsOptions,
  ) {}

  async execute(ticketId: string, clock: ClockName, now = new Date()): Promise<ClockAlarm | { action: 'none'; reason: 'no-such-ticket' }> {
    const contract = this.options.slaContract ?? DEFAULT_SLA_CONTRACT;
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(TicketEntity, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return { action: 'none', reason: 'no-such-ticket' };
      const cameraIds = (await camerasOfTickets(manager, [before.id])).get(before.id) ?? [];
      const windows = await windowsOver(manager, { cameraIds, siteIds: before.siteId ? [before.siteId] : [], owner: before.partnerId ?? before.clientName ?? '' });
      const stored = clocksOf(before);
      const current = recomputeClock(stored[clock], contract.warnAtFraction, windows);
      const alarm = decideClockAlarm(current, now.getTime());
      if (alarm.action === 'warn' || alarm.action === 'breach') {
        const next = alarm.action === 'warn' ? { ...current, warned: true } : { ...current, warned: true, breached: true };
        const clocks: TicketClocks = { ...stored, [clock]: next };
        await recordTicketChange(manager, this.publisher, {
          before,
          cameraIds,
          change: `${clock}-${alarm.action === 'warn' ? 'warning' : 'breached'}`,
          patch: clockColumns(clocks),
          actor: 'faults',
          reason: alarm.reason,
          detail: { clock, dueAt: new Date(next.dueAt).toISOString() },
          now,
        });
        await syncClockTimers(this.timers, before.id, clocks, manager);
      } else if (alarm.action === 'reschedule') {
        await syncClockTimers(this.timers, before.id, { ...stored, [clock]: current }, manager);
      }
      return alarm;
    });
  }
}

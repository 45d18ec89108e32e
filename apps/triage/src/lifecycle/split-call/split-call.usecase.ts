import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { CallEntity } from '../../calls/call.entity';
import { IncidentEntity } from '../../incidents/incident.entity';
import { toIncidentView } from '../../incidents/incident-view';
import { TimelineEntryEntity } from '../../incidents/timeline-entry.entity';
import { TRIAGE_SCHEMA } from '../../triage.schema';
import { checkCommand } from '../check-command';
import { CommandBody } from '../domain/lifecycle-command';
import { lockIncidents } from '../incident-rows';
import { LifecycleResult } from '../lifecycle-result';
import { recordChange } from '../record-change';
import { nextIncidentReference } from '../../incidents/next-reference';
import { announceOpened } from '../../incidents/announce-incident';
import { untouchedRecord } from '../../incidents/untouched-record';

/**
 * Takes a wrongly joined call off an incident into a new incident of its own. The new incident
 * starts as the old one was classified and placed (the operator re-grades or re-places it next,
 * with reasons) and is announced like any new incident; the old one counts one call fewer.
 */
@Injectable()
export class SplitCallUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
  ) {}

  async execute(principal: Principal, incidentId: string, body: CommandBody<'split'>, now = new Date()): Promise<LifecycleResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<LifecycleResult> => {
      const incident = (await lockIncidents(manager, [incidentId])).get(incidentId);
      const checked = checkCommand(principal, incident, incidentId, 'split', body.version);
      if (!checked.ok) return checked.result;
      const calls = await manager.getRepository(CallEntity).createQueryBuilder('c').where('c.incident_id = :id', { id: incidentId }).orderBy('c.received_at').setLock('pessimistic_write').getMany();
      const call = calls.find((c) => c.callKey === body.callKey);
      if (!call) return { kind: 'refused', reason: 'call-not-on-incident', message: `call ${body.callKey} is not on ${incident!.reference}` };
      const staying = calls.filter((c) => c !== call);
      if (staying.length === 0) return { kind: 'refused', reason: 'only-call', message: `call ${body.callKey} is the only call on ${incident!.reference}: nothing to split it from` };
      const opened = await this.openFor(manager, principal.subject, incident!, call, body.reason, now);
      await manager.update(CallEntity, { callKey: call.callKey }, { incidentId: opened.id, correlationReason: `split from ${incident!.reference}: ${body.reason}` });
      const after = await recordChange(manager, this.publisher, {
        before: incident!,
        change: 'call-split-out',
        patch: { callCount: staying.length, receivedAt: staying[0].receivedAt, lastCallAt: staying[staying.length - 1].receivedAt },
        actor: principal.subject,
        reason: body.reason,
        detail: { callKey: call.callKey, newIncidentId: opened.id, newReference: opened.reference },
        now,
      });
      return { kind: 'changed', incident: toIncidentView(after) };
    });
    decisions.inc({ app: 'triage', decision: 'incident-split', reason: result.kind === 'refused' ? result.reason : result.kind });
    if (result.kind === 'changed') this.outbox.kick();
    return result;
  }

  private async openFor(manager: EntityManager, actor: string, from: IncidentEntity, call: CallEntity, reason: string, now: Date): Promise<IncidentEntity> {
    const incident: IncidentEntity = {
      ...from,
      id: randomUUID(),
      reference: await nextIncidentReference(manager, now),
      callSource: call.source,
      summary: call.summary,
      receivedAt: call.receivedAt,
      triageReasons: [`split-from:${from.reference}`],
      lastCallAt: call.receivedAt,
      ...untouchedRecord(now),
    };
    await manager.insert(IncidentEntity, incident);
    await manager.insert(TimelineEntryEntity, {
      incidentId: incident.id,
      at: now,
      kind: 'opened',
      actor,
      reason,
      version: 1,
      detail: { callKey: call.callKey, splitFrom: from.id, splitFromReference: from.reference },
    });
    await announceOpened(manager, this.publisher, incident, now);
    return incident;
  }
}

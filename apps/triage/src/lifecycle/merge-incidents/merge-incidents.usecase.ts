import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { CallEntity } from '../../calls/call.entity';
import { toIncidentView } from '../../incidents/incident-view';
import { TRIAGE_SCHEMA } from '../../triage.schema';
import { checkCommand } from '../check-command';
import { CommandBody } from '../domain/lifecycle-command';
import { lockIncidents } from '../incident-rows';
import { LifecycleResult } from '../lifecycle-result';
import { recordChange } from '../record-change';

/**
 * Merges an incident into another that is about the same event: both versions are checked with
 * both rows locked (in id order), the calls move to the target, and the source closes with
 * `mergedInto`. Answers with the source, as every command answers with the incident it names.
 */
@Injectable()
export class MergeIncidentsUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
  ) {}

  async execute(principal: Principal, sourceId: string, body: CommandBody<'merge'>, now = new Date()): Promise<LifecycleResult> {
    const result = await this.dataSource.transaction(async (manager): Promise<LifecycleResult> => {
      if (sourceId === body.intoIncidentId) return { kind: 'refused', reason: 'merge-into-itself', message: 'an incident cannot be merged into itself' };
      const locked = await lockIncidents(manager, [sourceId, body.intoIncidentId]);
      const source = locked.get(sourceId);
      const target = locked.get(body.intoIncidentId);
      const checkedSource = checkCommand(principal, source, sourceId, 'merge', body.version);
      if (!checkedSource.ok) return checkedSource.result;
      const checkedTarget = checkCommand(principal, target, body.intoIncidentId, 'merge', body.intoVersion);
      if (!checkedTarget.ok) {
        const refused = checkedTarget.result;
        if (refused.kind === 'refused') return { kind: 'refused', reason: `target-${refused.reason}`, message: `cannot merge into ${target!.reference}: ${refused.message}` };
        return refused;
      }
      const moved = await manager.getRepository(CallEntity).createQueryBuilder('c').where('c.incident_id = :id', { id: source!.id }).orderBy('c.received_at').setLock('pessimistic_write').getMany();
      const callKeys = moved.map((call) => call.callKey);
      await manager.update(CallEntity, { incidentId: source!.id }, { incidentId: target!.id, correlationReason: `merged from ${source!.reference}: ${body.reason}` });
      const lastCallAt = new Date(Math.max(target!.lastCallAt.getTime(), source!.lastCallAt.getTime()));
      const receivedAt = new Date(Math.min(target!.receivedAt.getTime(), source!.receivedAt.getTime()));
      const actor = principal.subject;
      const closed = await recordChange(manager, this.publisher, {
        before: source!,
        change: 'merged',
        patch: { status: 'closed', closedAt: now, mergedInto: target!.id, callCount: 0 },
        actor,
        reason: body.reason,
        detail: { into: target!.id, intoReference: target!.reference, callKeys },
        now,
      });
      await recordChange(manager, this.publisher, {
        before: target!,
        change: 'merged',
        patch: { callCount: target!.callCount + moved.length, lastCallAt, receivedAt },
        actor,
        reason: body.reason,
        detail: { from: source!.id, fromReference: source!.reference, callKeys },
        now,
      });
      return { kind: 'changed', incident: toIncidentView(closed) };
    });
    decisions.inc({ app: 'triage', decision: 'incident-merge', reason: result.kind === 'refused' ? result.reason : result.kind });
    if (result.kind === 'changed') this.outbox.kick();
    return result;
  }
}

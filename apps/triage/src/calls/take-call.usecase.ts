import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AlarmDetails, CallReceived } from '@vigil/contracts';
import { AppOutbox, appendToOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { CallEntity } from './call.entity';
import { pairRestore } from '../domain/pair-restore';
import { triageCall } from '../domain/triage-call';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from '../incidents/incident.entity';
import { toIncidentView } from '../incidents/incident-view';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';

/** What happened to a call: a new incident, a restore joined to its alarm's incident, or nothing new. */
export type TakeCallResult =
  | { kind: 'opened'; incident: IncidentEntity }
  | { kind: 'restore-attached'; incidentId: string; reason: string }
  | { kind: 'restore-unpaired' }
  | { kind: 'restore-waiting' }
  | { kind: 'duplicate-call' };

/** One call of a batch, and whether an unpaired restore may still wait for its alarm. */
export interface TakeCallCommand {
  call: CallReceived;
  lastChance: boolean;
}

/** A call's result within a batch: `failed` rolled back alone and may be retried. */
export type BatchTakeResult = TakeCallResult | { kind: 'failed'; reason: string };

const UNIQUE_VIOLATION = '23505';

/**
 * Takes a call in, idempotent on the call key. A new call is triaged and stored with its
 * incident, first timeline entry and `incident.opened` event in one transaction; an alarm
 * restore joins the incident its alarm opened.
 */
@Injectable()
export class TakeCallUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
  ) {}

  /**
   * Takes a batch of calls in one transaction, one commit for hundreds of calls. Each call runs in
   * its own savepoint, so one that fails rolls back alone (reported `failed`) and the rest commit;
   * an error outside a savepoint (the database gone) fails the whole batch. `lastChance` false lets
   * an unpaired restore wait (nothing stored) for an alarm that may still be in flight on another
   * replica; true records it alone.
   */
  async execute(calls: readonly TakeCallCommand[], now = new Date()): Promise<BatchTakeResult[]> {
    const results = await this.dataSource.transaction(async (manager) => {
      const taken: BatchTakeResult[] = [];
      // In order, so that an alarm and its restore in one batch pair up as they would one by one.
      for (const { call, lastChance } of calls) taken.push(await this.takeInSavepoint(manager, call, now, lastChance));
      return taken;
    });
    if (results.some((result) => result.kind === 'opened')) this.outbox.kick();
    for (const result of results) {
      if (result.kind !== 'opened') continue;
      for (const reason of result.incident.triageReasons) decisions.inc({ app: 'triage', decision: 'triage', reason: reason.split(':')[0] });
    }
    return results;
  }

  private async takeInSavepoint(manager: EntityManager, call: CallReceived, now: Date, lastChance: boolean): Promise<BatchTakeResult> {
    await manager.query('SAVEPOINT take_call');
    try {
      const result = await this.take(manager, call, now, lastChance);
      await manager.query('RELEASE SAVEPOINT take_call');
      return result;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT take_call');
      // Two deliveries of one call raced: the loser's unique violation means "already done".
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { kind: 'duplicate-call' };
      return { kind: 'failed', reason: (error as Error).message };
    }
  }

  private async take(manager: EntityManager, call: CallReceived, now: Date, lastChance: boolean): Promise<TakeCallResult> {
    if (await manager.existsBy(CallEntity, { callKey: call.callKey })) return { kind: 'duplicate-call' };
    if (call.alarm?.qualifier === 'restore') return this.attachRestore(manager, call, now, lastChance);
    return this.open(manager, call, now);
  }

  private async attachRestore(manager: EntityManager, call: CallReceived, now: Date, lastChance: boolean): Promise<TakeCallResult> {
    const alarm = call.alarm!;
    const open: { incident_id: string; alarm: AlarmDetails }[] = await manager.query(
      `SELECT c.incident_id, c.alarm FROM "${TRIAGE_SCHEMA}"."call" c JOIN "${TRIAGE_SCHEMA}"."incident" i ON i.id = c.incident_id
       WHERE c.alarm->>'account' = $1 AND c.alarm->>'qualifier' = 'new' AND i.status <> 'closed'
       ORDER BY i.opened_at DESC LIMIT 50`,
      [alarm.account],
    );
    const decision = pairRestore(alarm, open.map((row) => ({ incidentId: row.incident_id, alarm: row.alarm })));
    if (decision.action === 'record-alone' && !lastChance) return { kind: 'restore-waiting' };
    const incidentId = decision.action === 'attach' ? decision.incidentId : null;
    await manager.insert(CallEntity, this.callRow(call, incidentId));
    decisions.inc({ app: 'triage', decision: 'restore', reason: decision.reason });
    if (decision.action === 'record-alone') return { kind: 'restore-unpaired' };
    await manager.insert(TimelineEntryEntity, {
      incidentId: decision.incidentId,
      at: now,
      kind: 'alarm-restored',
      actor: 'triage',
      detail: { callKey: call.callKey, code: alarm.code, zone: alarm.zone ?? null, reason: decision.reason },
    });
    return { kind: 'restore-attached', incidentId: decision.incidentId, reason: decision.reason };
  }

  private callRow(call: CallReceived, incidentId: string | null): CallEntity {
    return {
      callKey: call.callKey,
      source: call.source,
      receivedAt: new Date(call.receivedAt),
      occurredAt: new Date(call.occurredAt),
      summary: call.summary,
      incidentId,
      alarm: call.alarm ?? null,
      raw: (call.raw ?? null) as object,
    };
  }

  private async open(manager: EntityManager, call: CallReceived, now: Date): Promise<TakeCallResult> {
    const draft = triageCall(call);
    const [{ seq }] = await manager.query(`SELECT nextval('"${TRIAGE_SCHEMA}"."incident_reference_seq"') AS seq`);
    const incident = manager.create(IncidentEntity, {
      id: randomUUID(),
      reference: `VIG-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
      category: draft.category,
      subcategory: draft.subcategory,
      partnerId: draft.partnerId,
      town: draft.town,
      callSource: draft.callSource,
      grade: draft.grade,
      status: 'open',
      summary: draft.summary,
      receivedAt: new Date(draft.receivedAt),
      openedAt: now,
      triageReasons: draft.reasons,
    });
    await manager.insert(IncidentEntity, incident);
    await manager.insert(CallEntity, this.callRow(call, incident.id));
    await manager.insert(TimelineEntryEntity, {
      incidentId: incident.id,
      at: now,
      kind: 'opened',
      actor: 'triage',
      detail: { callKey: call.callKey, reasons: draft.reasons },
    });
    const view = toIncidentView(incident);
    const envelope = this.publisher.envelope('incidentOpened', view, { id: `incident-opened:${incident.id}`, time: now });
    await appendToOutbox(manager, TRIAGE_SCHEMA, this.publisher.subjectFor('incidentOpened', view), envelope);
    return { kind: 'opened', incident };
  }
}

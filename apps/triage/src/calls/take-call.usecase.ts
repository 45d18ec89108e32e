import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AlarmDetails, CallReceived } from '@vigil/contracts';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { AppTimers, timersToken } from '@vigil/timers';
import { CallEntity, RestoreStatus } from './call.entity';
import { addRestoredEntry, alarmAccountLockName, attachStoredRestore, lockAlarmAccount, lockWaitingRestores, openAlarmIncidents, RESTORE_WAIT, RestoreWaitPayload } from './restore-pairing';
import { lockAllInOrder } from '../correlation/batch-locks';
import { joinIncident, JoinedCall } from '../correlation/join-incident';
import { nearbyIncidents } from '../correlation/nearby-incidents';
import { correlateCall } from '../domain/correlate-call';
import { pairRestore } from '../domain/pair-restore';
import { placeLockNames } from '../domain/place-locks';
import { IncidentDraft, triageCall } from '../domain/triage-call';
import { DEFAULT_TRIAGE_POLICY, TriagePolicy } from '../policy/triage-policy';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from '../incidents/incident.entity';
import { announceOpened } from '../incidents/announce-incident';
import { nextIncidentReference } from '../incidents/next-reference';
import { untouchedRecord } from '../incidents/untouched-record';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';
import { TRIAGE_OPTIONS, TriageOptions } from '../triage.options';

/**
 * What happened to a call: a new incident, a restore joined to its alarm's incident, a restore
 * stored to wait for its alarm, or nothing new.
 */
export type TakeCallResult =
  | { kind: 'opened'; incident: IncidentEntity; reason: string }
  | { kind: 'joined'; incident: IncidentEntity; reason: string }
  | { kind: 'restore-attached'; incidentId: string; reason: string }
  | { kind: 'restore-waiting' }
  | { kind: 'duplicate-call' };

/** A call's result within a batch: `failed` rolled back alone and may be retried. */
export type BatchTakeResult = TakeCallResult | { kind: 'failed'; reason: string };

const UNIQUE_VIOLATION = '23505';

/**
 * Takes calls in, idempotent on the call key. A new call is triaged and correlated: it joins the
 * open incident about the same place and kind (`incident.changed`, `call-added`) or is stored
 * with a new incident, its first timeline entry and `incident.opened`, in one transaction; an
 * alarm restore joins the incident its alarm opened. A restore that came first is stored at once with
 * a restore-wait timer in the same transaction: its alarm pairs it on arrival, or the timer ends
 * the wait (see {@link PairOrRecordRestoreUseCase}).
 */
@Injectable()
export class TakeCallUseCase {
  private readonly policy: TriagePolicy;

  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(TRIAGE_SCHEMA)) private readonly outbox: AppOutbox,
    @Inject(timersToken(TRIAGE_SCHEMA)) private readonly timers: AppTimers,
    @Inject(TRIAGE_OPTIONS) private readonly options: TriageOptions,
  ) {
    this.policy = options.policy ?? DEFAULT_TRIAGE_POLICY;
  }

  /**
   * Takes a batch of calls in one transaction, one commit for hundreds of calls. A call that fails
   * rolls back alone (reported `failed`) and the rest commit; an error outside a savepoint (the
   * database gone) fails the whole batch.
   */
  async execute(calls: readonly CallReceived[], now = new Date()): Promise<BatchTakeResult[]> {
    const drafts = calls.map((call) => triageCall(call, this.policy));
    const results = await this.takeAll(calls, drafts, now);
    if (results.some((result) => result.kind === 'opened' || result.kind === 'joined')) this.outbox.kick();
    for (const result of results) {
      if (result.kind !== 'opened' && result.kind !== 'joined') continue;
      decisions.inc({ app: 'triage', decision: 'correlate', reason: result.reason });
      if (result.kind !== 'opened') continue;
      for (const reason of result.incident.triageReasons.slice(0, -1)) decisions.inc({ app: 'triage', decision: 'triage', reason: reason.split(':')[0] });
    }
    return results;
  }

  /** The locks a call needs: its alarm account's (restore pairing) and its places' (correlation). */
  private lockNames(call: CallReceived, draft: IncidentDraft): string[] {
    const account = call.alarm ? [alarmAccountLockName(call.alarm.account)] : [];
    return [...account, ...placeLockNames(draft.placeKeys, draft.point, this.policy.correlation.distanceMetres)];
  }

  /**
   * First the whole batch without savepoints, since SAVEPOINT and RELEASE are a quarter of a
   * call's round trips; only a batch in which some call failed goes again, a savepoint per call, so
   * that the failure rolls back alone. Of the first attempt only restores' decision counters outlive
   * its rollback (counted twice), a fair price for a case as rare as a failing call.
   */
  private async takeAll(calls: readonly CallReceived[], drafts: readonly IncidentDraft[], now: Date): Promise<BatchTakeResult[]> {
    try {
      return await this.dataSource.transaction((manager) => this.takeInOrder(manager, calls, drafts, (call, draft) => this.take(manager, call, draft, now)));
    } catch {
      return this.dataSource.transaction((manager) =>
        this.takeInOrder(manager, calls, drafts, (call, draft) => this.takeInSavepoint(manager, call, draft, now)),
      );
    }
  }

  private async takeInOrder(
    manager: EntityManager,
    calls: readonly CallReceived[],
    drafts: readonly IncidentDraft[],
    takeOne: (call: CallReceived, draft: IncidentDraft) => Promise<BatchTakeResult>,
  ): Promise<BatchTakeResult[]> {
    // Every lock of the batch first, in one order: see lockAllInOrder.
    await lockAllInOrder(manager, calls.flatMap((call, i) => this.lockNames(call, drafts[i])));
    const taken: BatchTakeResult[] = [];
    // In order, so that an alarm and its restore in one batch pair up as they would one by one.
    for (const [i, call] of calls.entries()) taken.push(await takeOne(call, drafts[i]));
    return taken;
  }

  private async takeInSavepoint(manager: EntityManager, call: CallReceived, draft: IncidentDraft, now: Date): Promise<BatchTakeResult> {
    await manager.query('SAVEPOINT take_call');
    try {
      const result = await this.take(manager, call, draft, now);
      await manager.query('RELEASE SAVEPOINT take_call');
      return result;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT take_call');
      // Two deliveries of one call raced: the loser's unique violation means "already done".
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { kind: 'duplicate-call' };
      return { kind: 'failed', reason: (error as Error).message };
    }
  }

  private async take(manager: EntityManager, call: CallReceived, draft: IncidentDraft, now: Date): Promise<TakeCallResult> {
    if (await manager.existsBy(CallEntity, { callKey: call.callKey })) return { kind: 'duplicate-call' };
    if (call.alarm) await lockAlarmAccount(manager, call.alarm.account);
    if (call.alarm?.qualifier === 'restore') return this.takeRestore(manager, call, now);
    const nearby = await nearbyIncidents(manager, draft, now, this.policy.correlation);
    const decision = correlateCall(nearby, draft, now, this.policy.correlation);
    if (decision.action === 'open') return this.open(manager, call, draft, decision.reason, now);
    return this.join(manager, call, { ...decision, callKey: call.callKey, draft }, now);
  }

  private async join(manager: EntityManager, call: CallReceived, joined: JoinedCall, now: Date): Promise<TakeCallResult> {
    await manager.insert(CallEntity, this.callRow(call, joined.incidentId, null, joined.draft, joined.reason));
    const incident = await joinIncident(manager, this.publisher, joined, now);
    if (call.alarm?.qualifier === 'new') await this.pairWaitingRestores(manager, incident.id, call.alarm, now);
    return { kind: 'joined', incident, reason: joined.reason };
  }

  private async takeRestore(manager: EntityManager, call: CallReceived, now: Date): Promise<TakeCallResult> {
    const alarm = call.alarm!;
    const decision = pairRestore(alarm, await openAlarmIncidents(manager, alarm.account));
    if (decision.action === 'record-alone') {
      // Its alarm may be a moment behind, on this replica or another: keep it, visible, and wait for it.
      await manager.insert(CallEntity, this.callRow(call, null, 'waiting'));
      const dueAt = new Date(now.getTime() + this.options.restoreWaitSeconds * 1000);
      await this.timers.schedule(RESTORE_WAIT, call.callKey, dueAt, { callKey: call.callKey } satisfies RestoreWaitPayload, { manager });
      decisions.inc({ app: 'triage', decision: 'restore', reason: 'waiting-for-alarm' });
      return { kind: 'restore-waiting' };
    }
    await manager.insert(CallEntity, this.callRow(call, decision.incidentId, 'attached'));
    await addRestoredEntry(manager, { callKey: call.callKey, alarm }, decision.incidentId, decision.reason, now);
    decisions.inc({ app: 'triage', decision: 'restore', reason: decision.reason });
    return { kind: 'restore-attached', incidentId: decision.incidentId, reason: decision.reason };
  }

  /** An alarm that opened an incident pairs the restores that came before it, and ends their wait. */
  private async pairWaitingRestores(manager: EntityManager, incidentId: string, alarm: AlarmDetails, now: Date): Promise<void> {
    for (const restore of await lockWaitingRestores(manager, { account: alarm.account })) {
      const decision = pairRestore(restore.alarm, [{ incidentId, alarm }]);
      if (decision.action !== 'attach') continue;
      await attachStoredRestore(manager, restore, incidentId, decision.reason, now);
      await this.timers.cancel(RESTORE_WAIT, restore.callKey, { manager });
      decisions.inc({ app: 'triage', decision: 'restore', reason: decision.reason });
    }
  }

  private callRow(call: CallReceived, incidentId: string | null, restoreStatus: RestoreStatus | null = null, draft?: IncidentDraft, correlationReason?: string): CallEntity {
    return {
      callKey: call.callKey,
      source: call.source,
      receivedAt: new Date(call.receivedAt),
      occurredAt: new Date(call.occurredAt),
      summary: call.summary,
      incidentId,
      alarm: call.alarm ?? null,
      restoreStatus,
      raw: (call.raw ?? null) as object,
      placeKeys: draft?.placeKeys ?? [],
      lat: draft?.point?.lat ?? null,
      lon: draft?.point?.lon ?? null,
      correlationReason: correlationReason ?? null,
    };
  }

  private async open(manager: EntityManager, call: CallReceived, draft: IncidentDraft, correlationReason: string, now: Date): Promise<TakeCallResult> {
    const incident = manager.create(IncidentEntity, {
      id: randomUUID(),
      reference: await nextIncidentReference(manager, now),
      category: draft.category,
      subcategory: draft.subcategory,
      partnerId: draft.partnerId,
      town: draft.town,
      callSource: draft.callSource,
      grade: draft.grade,
      summary: draft.summary,
      receivedAt: new Date(draft.receivedAt),
      triageReasons: [...draft.reasons, correlationReason],
      placement: draft.placement,
      clientName: draft.clientName,
      lastCallAt: new Date(draft.receivedAt),
      respondBy: draft.respondBy,
      ...untouchedRecord(now),
    });
    await manager.insert(IncidentEntity, incident);
    await manager.insert(CallEntity, this.callRow(call, incident.id, null, draft, correlationReason));
    await manager.insert(TimelineEntryEntity, {
      incidentId: incident.id,
      at: now,
      kind: 'opened',
      actor: 'triage',
      detail: { callKey: call.callKey, reasons: draft.reasons },
      reason: correlationReason,
      version: 1,
    });
    if (call.alarm?.qualifier === 'new') await this.pairWaitingRestores(manager, incident.id, call.alarm, now);
    await announceOpened(manager, this.publisher, incident, now);
    return { kind: 'opened', incident, reason: correlationReason };
  }
}

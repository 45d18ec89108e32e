import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher, transientFaultOf } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { AppOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { AppTimers, timersToken } from '@vigil/timers';
import { CameraPlacesProjection } from '../camera-places/camera-places.projection';
import { lockAllInOrder } from '../correlation/batch-locks';
import { CallDecision, planCallBatch } from '../domain/plan-call-batch';
import { placeLockNames } from '../domain/place-locks';
import { IncidentDraft, triageCall } from '../domain/triage-call';
import { DEFAULT_TRIAGE_POLICY, TriagePolicy } from '../policy/triage-policy';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { TRIAGE_OPTIONS, TriageOptions } from '../triage.options';
import { readCallBatch } from './read-call-batch';
import { recordCallBatch, TakeCallResult } from './record-call-batch';
import { alarmAccountLockName } from './restore-pairing';

export type { TakeCallResult } from './record-call-batch';

/** A call's result within a batch: `failed` rolled back alone and may be retried. */
export type BatchTakeResult = TakeCallResult | { kind: 'failed'; reason: string };

const UNIQUE_VIOLATION = '23505';

/**
 * Takes calls in, a batch per transaction, idempotent on the call key. Each call is triaged, then
 * the batch is decided as if its calls came one after the other (see {@link planCallBatch}): a
 * call joins the open incident about the same place and kind (`incident.changed`, `call-added`)
 * or opens one with its first timeline entry (`incident.opened`); an alarm restore joins the
 * incident its alarm opened, or is stored with a restore-wait timer until its alarm pairs it or
 * the timer ends the wait (see {@link PairOrRecordRestoreUseCase}). A batch costs a fixed number
 * of round trips, not a few per call: locks, one read, one write per table.
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
    private readonly cameraPlaces: CameraPlacesProjection,
  ) {
    this.policy = options.policy ?? DEFAULT_TRIAGE_POLICY;
  }

  /**
   * Takes a batch of calls in one transaction, one commit for hundreds of calls. When a call
   * makes the batch fail, each call goes again alone, so only that one fails (reported `failed`)
   * and the rest commit; the database gone fails the whole batch.
   */
  async execute(calls: readonly CallReceived[], now = new Date()): Promise<BatchTakeResult[]> {
    const reference = { ...this.policy, cameras: this.cameraPlaces.current() };
    const drafts = calls.map((call) => triageCall(call, reference));
    const results = await this.takeAll(calls, drafts, now);
    if (results.some((result) => result.kind === 'opened' || result.kind === 'joined')) this.outbox.kick();
    for (const result of results) countDecision(result);
    return results;
  }

  private async takeAll(calls: readonly CallReceived[], drafts: readonly IncidentDraft[], now: Date): Promise<BatchTakeResult[]> {
    try {
      return await this.takeBatch(calls, drafts, now);
    } catch (error) {
      if (transientFaultOf(error) || calls.length === 1) throw error;
      const alone: BatchTakeResult[] = [];
      for (const [i, call] of calls.entries()) alone.push(await this.takeAlone(call, drafts[i], now));
      return alone;
    }
  }

  private async takeAlone(call: CallReceived, draft: IncidentDraft, now: Date): Promise<BatchTakeResult> {
    try {
      return (await this.takeBatch([call], [draft], now))[0];
    } catch (error) {
      if (transientFaultOf(error)) throw error;
      // Two deliveries of one call raced on two replicas: the loser's unique violation means "already done".
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { kind: 'duplicate-call' };
      return { kind: 'failed', reason: (error as Error).message };
    }
  }

  private takeBatch(calls: readonly CallReceived[], drafts: readonly IncidentDraft[], now: Date): Promise<TakeCallResult[]> {
    return this.dataSource.transaction(async (manager) => {
      // Every lock of the batch first, in one order: see lockAllInOrder.
      await lockAllInOrder(manager, calls.flatMap((call, i) => this.lockNames(call, drafts[i])));
      const batch = calls.map((call, i) => ({ callKey: call.callKey, alarm: call.alarm, draft: drafts[i] }));
      const { snapshot, incidents } = await readCallBatch(manager, batch, now, this.policy.correlation);
      const planned: CallDecision[] = planCallBatch(batch, snapshot, now, this.policy.correlation, randomUUID);
      const decided = calls.map((call, i) => ({ call, draft: drafts[i], decision: planned[i] }));
      return recordCallBatch(manager, { publisher: this.publisher, timers: this.timers, restoreWaitSeconds: this.options.restoreWaitSeconds }, decided, incidents, now);
    });
  }

  /** The locks a call needs: its alarm account's (restore pairing) and its places' (correlation). */
  private lockNames(call: CallReceived, draft: IncidentDraft): string[] {
    const account = call.alarm ? [alarmAccountLockName(call.alarm.account)] : [];
    return [...account, ...placeLockNames(draft.placeKeys, draft.point, this.policy.correlation.distanceMetres)];
  }
}

function countDecision(result: BatchTakeResult): void {
  if (result.kind === 'restore-attached') decisions.inc({ app: 'triage', decision: 'restore', reason: result.reason });
  if (result.kind === 'restore-waiting') decisions.inc({ app: 'triage', decision: 'restore', reason: 'waiting-for-alarm' });
  if (result.kind !== 'opened' && result.kind !== 'joined') return;
  decisions.inc({ app: 'triage', decision: 'correlate', reason: result.reason });
  if (result.kind !== 'opened') return;
  for (const reason of result.incident.triageReasons.slice(0, -1)) decisions.inc({ app: 'triage', decision: 'triage', reason: reason.split(':')[0] });
}

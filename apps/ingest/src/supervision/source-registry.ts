import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { SourceState, SourceStateChanged, SupervisedSourceKind } from '@vigil/contracts';
import { AppOutbox, appendToOutbox, outboxToken } from '@vigil/db';
import { LivenessSource, LivenessTransition, PostgresLivenessStore } from '@vigil/liveness';
import { decisions } from '@vigil/observability';
import { INGEST_OPTIONS, IngestOptions } from '../ingest.options';
import { INGEST_SCHEMA } from '../ingest.schema';
import { SourceStateEntity } from './source-state.entity';
import { supervisionPolicy } from './supervision-policy';

/**
 * Every gateway's and alarm path's last heartbeat and state (up, late, down, key-mismatch), kept
 * in Postgres so that every ingest replica agrees: heartbeats are buffered until the next tick,
 * each tick stores them and judges every source, and each transition is committed by one
 * replica with its event in the outbox.
 */
@Injectable()
export class SourceRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Supervision');
  private readonly store: PostgresLivenessStore;
  /** Sources this replica has met, so callers look a partner up once; no times or states. */
  private readonly known = new Set<string>();
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(INGEST_SCHEMA)) private readonly outbox: AppOutbox,
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
  ) {
    this.store = new PostgresLivenessStore(dataSource, {
      schema: INGEST_SCHEMA,
      table: 'source_state',
      policyFor: supervisionPolicy,
      announce: (manager, transition) => this.announce(manager, transition),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.dataSource.getRepository(SourceStateEntity).find({ select: { sourceKind: true, sourceId: true } });
    rows.forEach((row) => this.known.add(key(row.sourceKind, row.sourceId)));
    this.timer = setInterval(() => void this.tick(new Date()), this.options.supervisionTickMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.serial(async () => this.committed(await this.store.flush())).catch((error: Error) =>
      this.logger.warn({ msg: 'could not store last-heard times at shutdown', error: error.message }),
    );
  }

  /** A gateway heartbeat or message; a gateway heard again after going late or down comes back up at the next tick. */
  gatewayHeard(kind: 'airwave' | 'townlink', gatewayId: string, at: Date): void {
    this.heard({ kind, id: gatewayId, partnerId: null }, at, this.options.gatewayHeartbeatSeconds);
  }

  /** Any accepted frame from an alarm account: late once its test interval passes without one; clears a key mismatch recorded before it. */
  alarmHeard(account: string, partnerId: string | null, at: Date): void {
    this.heard({ kind: 'alarm', id: account, partnerId }, at, null);
  }

  /** A frame the panel and the register disagree on the key for: the board shows it until a frame heard after it is good. */
  alarmKeyMismatch(account: string, partnerId: string | null, reason: string, at: Date): Promise<void> {
    return this.set({ kind: 'alarm', id: account, partnerId }, 'key-mismatch', reason, at);
  }

  /** Whether this replica has met the source (heard, judged, or stored before it started). */
  knows(kind: SupervisedSourceKind, id: string): boolean {
    return this.known.has(key(kind, id));
  }

  /** Stores the heard times buffered since the last tick, then judges every source at `now`. */
  tick(now: Date): Promise<void> {
    return this.serial(async () => {
      await this.adoptTestIntervals();
      this.committed(await this.store.flush());
      this.committed(await this.store.evaluate(now));
    }).catch((error: Error) => this.logger.warn({ msg: 'supervision pass failed, will retry', error: error.message }));
  }

  /** Every supervised source, as stored. */
  list(): Promise<SourceStateEntity[]> {
    return this.dataSource.getRepository(SourceStateEntity).find({ order: { sourceKind: 'ASC', sourceId: 'ASC' } });
  }

  // An alarm path is judged by its account's test interval, which operators change through the register.
  private async adoptTestIntervals(): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${INGEST_SCHEMA}"."source_state" AS s SET "expected_interval_seconds" = a."test_interval_seconds"
       FROM "${INGEST_SCHEMA}"."source_state" AS k LEFT JOIN "${INGEST_SCHEMA}"."alarm_account" AS a ON a."account" = upper(k."source_id")
       WHERE k."source_kind" = 'alarm' AND s."source_kind" = k."source_kind" AND s."source_id" = k."source_id"
         AND s."expected_interval_seconds" IS DISTINCT FROM a."test_interval_seconds"`,
    );
  }

  private heard(source: LivenessSource, at: Date, intervalSeconds: number | null): void {
    this.store.heard(source, at, intervalSeconds);
    if (this.known.has(key(source.kind, source.id))) return;
    this.known.add(key(source.kind, source.id));
    // A source new to this replica goes on the board now rather than at the next tick.
    void this.serial(async () => this.committed(await this.store.flush())).catch((error: Error) =>
      this.logger.warn({ msg: 'could not record source as heard', kind: source.kind, id: source.id, error: error.message }),
    );
  }

  private async set(source: LivenessSource, state: SourceState, reason: string, at: Date): Promise<void> {
    this.known.add(key(source.kind, source.id));
    const transition = await this.serial(() => this.store.set(source, state, reason, at));
    if (transition) this.committed([transition]);
  }

  private async announce(manager: EntityManager, transition: LivenessTransition): Promise<void> {
    const data: SourceStateChanged = {
      sourceKind: transition.kind as SupervisedSourceKind,
      sourceId: transition.id,
      partnerId: transition.partnerId,
      state: transition.to as SourceState,
      previousState: transition.from as SourceState | null,
      lastSeen: transition.lastHeardAt?.toISOString() ?? null,
      changedAt: transition.changedAt.toISOString(),
      reason: transition.reason,
    };
    // Named by the transition (the row's version), not the clock: a replayed transition is the same event.
    const id = `source:${transition.kind}:${transition.id}:${transition.version}`;
    const envelope = this.publisher.envelope('sourceStateChanged', data, { id, time: transition.changedAt });
    await appendToOutbox(manager, INGEST_SCHEMA, this.publisher.subjectFor('sourceStateChanged', data), envelope);
  }

  private committed(transitions: LivenessTransition[]): void {
    if (transitions.length === 0) return;
    this.outbox.kick();
    for (const transition of transitions) {
      decisions.inc({ app: 'ingest', decision: 'source-state', reason: transition.reason });
      const log = transition.to === 'up' ? 'log' : 'warn';
      this.logger[log]({ msg: `${transition.kind} ${transition.id} is ${transition.to}`, previous: transition.from, reason: transition.reason });
    }
  }

  // Flushes and judgements of this replica run one at a time; across replicas the store's compare-and-set decides.
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function key(kind: string, id: string): string {
  return `${kind}:${id}`;
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { appendToOutbox } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { CallEntity } from '../calls/call.entity';
import { triageCall } from '../domain/triage-call';
import { TriageOutbox } from '../triage-outbox';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from './incident.entity';
import { toIncidentView } from './incident-view';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** What happened to a call: a new incident, or nothing because it was already taken in. */
export type OpenIncidentResult = { kind: 'opened'; incident: IncidentEntity } | { kind: 'duplicate-call' };

const UNIQUE_VIOLATION = '23505';

/**
 * Takes a call in: triages it, stores the call, the incident, its first timeline entry and the
 * `incident.opened` event in one transaction. Idempotent on the call key.
 */
@Injectable()
export class OpenIncidentUseCase {
  constructor(
    @InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly outbox: TriageOutbox,
  ) {}

  async execute(call: CallReceived, now = new Date()): Promise<OpenIncidentResult> {
    let result: OpenIncidentResult;
    try {
      result = await this.dataSource.transaction((manager) => this.open(manager, call, now));
    } catch (error) {
      // Two deliveries of one call raced: the loser's unique violation means "already done".
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { kind: 'duplicate-call' };
      throw error;
    }
    if (result.kind === 'opened') {
      this.outbox.kick();
      for (const reason of result.incident.triageReasons) decisions.inc({ app: 'triage', decision: 'triage', reason: reason.split(':')[0] });
    }
    return result;
  }

  private async open(manager: EntityManager, call: CallReceived, now: Date): Promise<OpenIncidentResult> {
    if (await manager.existsBy(CallEntity, { callKey: call.callKey })) return { kind: 'duplicate-call' };
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
    await manager.insert(CallEntity, {
      callKey: call.callKey,
      source: call.source,
      receivedAt: new Date(call.receivedAt),
      occurredAt: new Date(call.occurredAt),
      summary: call.summary,
      incidentId: incident.id,
      raw: (call.raw ?? null) as object,
    });
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

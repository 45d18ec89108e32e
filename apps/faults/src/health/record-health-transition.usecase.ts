import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AppTimers, timersToken } from '@vigil/timers';
import { HealthTransition } from '../domain/camera-health';
import { decideHealthEffect } from '../domain/health-effect';
import { decideGrouping, DEFAULT_OUTAGE_GROUPING, GroupingDecision } from '../domain/outage-grouping';
import { symptomOfHealthProblem } from '../domain/severity';
import { DEFAULT_SLA_CONTRACT } from '../domain/sla-contract';
import { FAULTS_OPTIONS, FaultsOptions } from '../faults.options';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraEntity } from '../register/camera.entity';
import { refreshCameraStatus } from '../register/refresh-camera-status';
import { FaultEntity } from '../tickets/fault.entity';
import { openTicket, TicketOpening } from '../tickets/open-ticket';
import { recordTicketChange } from '../tickets/record-ticket-change';
import { SLA_CLOCK_TIMER } from '../tickets/sla-timers';
import { camerasOfTickets } from '../tickets/ticket-cameras';
import { TicketTimelineEntryEntity } from '../tickets/ticket-timeline-entry.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { CameraTransition } from './camera-health-board';
import { claimTransition } from './claim-transition';
import { outageGroupsOf } from './outage-groups';
import { transitionKey, uuidFromName } from './transition-key';

/** Who the watchdog's tickets and timeline entries say acted. */
export const HEALTH_WATCHDOG_ACTOR = 'health-watchdog';

/** What writing a transition did: a log field and a metric label. */
export type TransitionWritten =
  | 'written-elsewhere'
  | 'camera-not-registered'
  | 'camera-decommissioned'
  | 'ticket-opened'
  | 'outage-opened'
  | 'joined-outage'
  | 'noted-on-open-ticket'
  | 'state-only';

/**
 * Writes one health transition in one transaction: the claim (one replica wins, see
 * claim-transition.ts), then its effect on tickets, by the same rules as a person's report
 * (openTicket): a camera down opens a machine-origin ticket with deadlines and goes out of public
 * view, or joins its site's outage, or starts one; a recovery is a line and an event on the open
 * ticket; flapping is one ticket, its end a line on it.
 */
@Injectable()
export class RecordHealthTransitionUseCase {
  private readonly opening: TicketOpening;

  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsOptions,
  ) {
    this.opening = { publisher, timers, contract: options.slaContract ?? DEFAULT_SLA_CONTRACT };
  }

  async execute(change: CameraTransition, writtenBy: string, now = new Date()): Promise<TransitionWritten> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await claimTransition(manager, change, writtenBy, now))) return 'written-elsewhere';
      const camera = await manager.findOneBy(CameraEntity, { cameraId: change.cameraId });
      if (!camera) return 'camera-not-registered';
      if (camera.decommissioned) return 'camera-decommissioned';
      const { transition } = change;
      const goingDown = transition.kind === 'went-down' || transition.kind === 'started-flapping';
      // Taken before the open ticket is read, so a camera joining an outage sees the outage's parent.
      const groups = goingDown ? await outageGroupsOf(manager, camera, new Date(downAtOf(transition)), this.grouping.windowMs) : [];
      const open = await this.openTicketOf(manager, camera.cameraId);
      const effect = decideHealthEffect(transition.kind, open !== null);
      if (effect.action === 'none') return 'state-only';
      if (effect.action === 'note-on-open-ticket') {
        await this.note(manager, open as TicketEntity, change, now);
        return 'noted-on-open-ticket';
      }
      const decision = decideGrouping(groups, camera.cameraId, downAtOf(transition), this.grouping);
      return this.open(manager, camera, change, decision, now);
    });
  }

  private get grouping() {
    return this.options.health?.grouping ?? DEFAULT_OUTAGE_GROUPING;
  }

  private async openTicketOf(manager: EntityManager, cameraId: string): Promise<TicketEntity | null> {
    const [row]: { ticket_id: string }[] = await manager.query(
      `SELECT f."ticket_id" FROM "${FAULTS_SCHEMA}"."fault" f JOIN "${FAULTS_SCHEMA}"."ticket" t ON t."id" = f."ticket_id"
       WHERE f."camera_id" = $1 AND f."closed_at" IS NULL AND t."status" NOT IN ('verified', 'merged') ORDER BY f."opened_at" LIMIT 1`,
      [cameraId],
    );
    return row ? manager.findOne(TicketEntity, { where: { id: row.ticket_id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  private async open(manager: EntityManager, camera: CameraEntity, change: CameraTransition, decision: GroupingDecision, now: Date): Promise<TransitionWritten> {
    const { transition } = change;
    const since = new Date(downAtOf(transition));
    const problem = transition.kind === 'went-down' || transition.kind === 'started-flapping' ? transition.problem : 'no-heartbeat';
    const detail = { transition: transition.kind, problem, since: since.toISOString(), vmsId: change.vmsId, ...(transition.kind === 'started-flapping' ? { onsets: transition.onsets } : {}) };
    if (decision.kind === 'join-parent') {
      await this.join(manager, decision.parentTicketId, camera, since, detail, now);
      return 'joined-outage';
    }
    const key = transitionKey(camera.cameraId, transition);
    const cameras = [{ camera, faultSince: since }];
    if (decision.kind === 'open-parent') cameras.push(...(await this.absorb(manager, decision.absorb, uuidFromName(key), now)));
    await openTicket(
      manager,
      this.opening,
      {
        id: uuidFromName(key),
        cameras,
        scope: decision.kind === 'open-parent' ? decision.group.kind : 'camera',
        siteId: decision.kind === 'open-parent' ? decision.group.id : camera.siteId,
        symptom: symptomOfHealthProblem(problem),
        origin: 'health-watchdog',
        description: descriptionOf(transition, decision),
        reportedBy: HEALTH_WATCHDOG_ACTOR,
        clientReference: null,
        detail: { ...detail, cameraIds: cameras.map((c) => c.camera.cameraId), grouping: decision.reason },
      },
      now,
    );
    return decision.kind === 'open-parent' ? 'outage-opened' : 'ticket-opened';
  }

  /** A camera down inside an open outage's window becomes one more child of its ticket. */
  private async join(manager: EntityManager, parentId: string, camera: CameraEntity, since: Date, detail: Record<string, string | number>, now: Date): Promise<void> {
    const parent = await manager.findOneOrFail(TicketEntity, { where: { id: parentId }, lock: { mode: 'pessimistic_write' } });
    await manager.insert(FaultEntity, { id: uuidFromName(`${parentId}:${camera.cameraId}:${since.getTime()}`), ticketId: parentId, cameraId: camera.cameraId, symptom: parent.symptom, origin: 'health-watchdog', openedAt: since, closedAt: null });
    const cameraIds = (await camerasOfTickets(manager, [parentId])).get(parentId) ?? [];
    await recordTicketChange(manager, this.publisher, { before: parent, cameraIds, change: 'camera-joined', patch: {}, actor: HEALTH_WATCHDOG_ACTOR, reason: 'outage-ticket-open', detail: { ...detail, cameraId: camera.cameraId }, now });
    await refreshCameraStatus(manager, this.publisher, [camera.cameraId], HEALTH_WATCHDOG_ACTOR, now);
  }

  /**
   * The cameras that went down just before the outage was recognised each opened a ticket of
   * their own: those tickets end as `merged` (their faults closed, their SLA timers cancelled) and
   * their cameras become children of the outage's ticket, each dated from when it went down.
   */
  private async absorb(manager: EntityManager, cameraIds: readonly string[], parentId: string, now: Date): Promise<{ camera: CameraEntity; faultSince: Date }[]> {
    if (cameraIds.length === 0) return [];
    const faults = await manager.find(FaultEntity, { where: { cameraId: In([...cameraIds]), closedAt: IsNull(), origin: 'health-watchdog' }, order: { cameraId: 'ASC' } });
    const absorbed: { camera: CameraEntity; faultSince: Date }[] = [];
    for (const ticketId of [...new Set(faults.map((f) => f.ticketId))].sort()) {
      const ticket = await manager.findOneOrFail(TicketEntity, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
      if (ticket.scope !== 'camera' || ticket.status !== 'reported') continue;
      const cameraIdsOfTicket = (await camerasOfTickets(manager, [ticketId])).get(ticketId) ?? [];
      await manager.update(FaultEntity, { ticketId, closedAt: IsNull() }, { closedAt: now });
      await recordTicketChange(manager, this.publisher, { before: ticket, cameraIds: cameraIdsOfTicket, change: 'merged', patch: { status: 'merged' }, actor: HEALTH_WATCHDOG_ACTOR, reason: 'site-outage', detail: { into: parentId }, now });
      for (const clock of ['response', 'fix']) await this.timers.cancel(SLA_CLOCK_TIMER, `${ticketId}:${clock}`, { manager });
      for (const fault of faults.filter((f) => f.ticketId === ticketId)) {
        absorbed.push({ camera: await manager.findOneByOrFail(CameraEntity, { cameraId: fault.cameraId }), faultSince: fault.openedAt });
      }
    }
    return absorbed;
  }

  /** A transition of a camera that already has a ticket: a recovery is a ticket change (event and version); the rest are lines of its history. */
  private async note(manager: EntityManager, ticket: TicketEntity, change: CameraTransition, now: Date): Promise<void> {
    const { transition } = change;
    const detail = { cameraId: change.cameraId, transition: transition.kind, ...transition };
    if (transition.kind === 'came-up') {
      const cameraIds = (await camerasOfTickets(manager, [ticket.id])).get(ticket.id) ?? [];
      await recordTicketChange(manager, this.publisher, { before: ticket, cameraIds, change: 'camera-recovered', patch: {}, actor: HEALTH_WATCHDOG_ACTOR, reason: `${transition.problem}-ended`, detail, now });
      return;
    }
    await manager.insert(TicketTimelineEntryEntity, { ticketId: ticket.id, at: now, kind: `camera-${transition.kind}`, actor: HEALTH_WATCHDOG_ACTOR, reason: null, version: null, detail });
  }
}

/** When the camera's fault began: the signal's onset, or its last heartbeat. */
function downAtOf(transition: HealthTransition): number {
  return transition.kind === 'went-down' || transition.kind === 'started-flapping' ? transition.since : transition.at;
}

function descriptionOf(transition: HealthTransition, decision: GroupingDecision): string {
  const what = transition.kind === 'started-flapping' ? `${transition.problem}, flapping (${transition.onsets} onsets)` : transition.kind === 'went-down' ? transition.problem : transition.kind;
  if (decision.kind === 'open-parent') return `${decision.group.kind} outage (${decision.reason}): ${what}`;
  return `health watchdog: ${what}`;
}

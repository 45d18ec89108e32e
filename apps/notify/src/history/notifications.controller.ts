import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard, isControlRoomStaff } from '@vigil/auth';
import { ApiSessionToken, ERROR_SCHEMA } from '@vigil/config';
import { alertStore } from '../alerts/alert-store';
import { escalationStore } from '../escalations/escalation-store';
import { AcknowledgeAlertUseCase } from '../escalations/acknowledge-alert.usecase';
import { ApiEmptyBody } from '../notify-openapi';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import { alertAccess } from './alert-access';
import { ALERT_NOTIFICATIONS_SCHEMA } from './alert-notifications.schema';
import { EscalationReceivers, escalationReceivers } from './escalation-receivers';
import { AcknowledgementView, DeliveryView, EscalationView, escalationView, notificationHistory } from './notification-history';

/** What was sent about one alert, to whom, how it went, who acknowledged, and where its escalation stands. */
export interface AlertNotificationsView {
  fingerprint: string;
  reference: string;
  summary: string;
  status: 'firing' | 'resolved';
  handling: string;
  /** Whether the reader may acknowledge it (alertAccess), so the console offers what the server allows. */
  mayAcknowledge: boolean;
  escalation: (EscalationView & EscalationReceivers & { toldAt: string | null }) | null;
  acknowledgements: AcknowledgementView[];
  deliveries: DeliveryView[];
}

const DELIVERY_STATES = ['pending', 'sending', 'retrying', 'delivered', 'dead-letter'];

/** The delivery log and acknowledgement over REST (the console's Notifications section reads it). */
@ApiTags('notify')
@ApiSessionToken()
@Controller('api/notify')
@UseGuards(AuthGuard)
export class NotificationsController {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly routing: RoutingInForce,
    private readonly acknowledge: AcknowledgeAlertUseCase,
  ) {}

  @Get('alerts/:fingerprint')
  @ApiOperation({
    summary: 'What was sent about an alert (incident:<id>, fault:<id>, supervision:<kind>:<id>): every delivery and attempt, acknowledgements, escalation',
    description: 'Who: the control room, everything; a partner its own alerts and a contractor fault alerts, each only the deliveries to its own receivers.',
  })
  @ApiOkResponse({ description: 'The alert’s notifications.', schema: ALERT_NOTIFICATIONS_SCHEMA })
  @ApiNotFoundResponse({ description: 'Notify has heard nothing of it (or it is not yours to see).', schema: ERROR_SCHEMA })
  async alert(@Req() req: AuthenticatedRequest, @Param('fingerprint') fingerprint: string): Promise<AlertNotificationsView> {
    const manager = this.dataSource.manager;
    const alert = await alertStore.byFingerprint(manager, fingerprint);
    const access = alert ? alertAccess(req.principal, alert, this.routing.current()?.tree) : { see: false as const };
    // Not found either way: whether notify knows of another partner's incident is not for a partner to learn.
    if (!alert || !access.see) throw new NotFoundException('no one has been notified of this');
    const [escalation, acknowledgements, deliveries] = await Promise.all([
      escalationStore.read(manager, fingerprint),
      notificationHistory.acknowledgementsOf(manager, fingerprint),
      notificationHistory.deliveriesOf(manager, fingerprint, access.receivers),
    ]);
    const toldAt = escalation && (await notificationHistory.stepToldAt(manager, escalation, access.receivers));
    return {
      fingerprint,
      reference: alert.reference,
      summary: alert.summary,
      status: alert.status,
      handling: alert.handling,
      mayAcknowledge: access.acknowledge,
      escalation: escalation && { ...escalationView(escalation), ...escalationReceivers(escalation, this.routing.current()?.tree, access.receivers), toldAt },
      acknowledgements,
      deliveries,
    };
  }

  @Post('alerts/:fingerprint/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert: its escalation stops where it is and waits for progress', description: 'Who: whoever may see the alert (see GET).' })
  @ApiEmptyBody()
  @ApiOkResponse({ schema: { type: 'object', properties: { reference: { type: 'string' }, outcome: { type: 'string', description: 'acknowledged, already-acknowledged, no-escalation…' }, escalation: { type: 'object', nullable: true } } } })
  @ApiResponse({ status: 409, description: 'The alert is already over.', schema: ERROR_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such alert (or not yours).', schema: ERROR_SCHEMA })
  @ApiForbiddenResponse({ description: 'Not yours to acknowledge.', schema: ERROR_SCHEMA })
  async acknowledgeAlert(@Req() req: AuthenticatedRequest, @Param('fingerprint') fingerprint: string, @Body() _body: unknown): Promise<{ reference: string; outcome: string; escalation: EscalationView | null }> {
    const alert = await alertStore.byFingerprint(this.dataSource.manager, fingerprint);
    const access = alert ? alertAccess(req.principal, alert, this.routing.current()?.tree) : { see: false as const };
    if (!alert || !access.see) throw new NotFoundException('no such alert');
    if (!access.acknowledge) throw new ForbiddenException('you may not acknowledge this alert');
    const result = await this.acknowledge.execute({ fingerprint, by: req.principal.subject, via: 'console' });
    if (!result.found) throw new NotFoundException('no such alert');
    if (result.outcome === 'already-resolved') throw new ConflictException({ statusCode: 409, message: `${result.reference} is already over: nothing to acknowledge`, reason: result.outcome });
    return { reference: result.reference, outcome: result.outcome, escalation: result.escalation && escalationView(result.escalation) };
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'The newest deliveries, optionally of one state (dead-letter, retrying…) or receiver', description: 'Who: the control room.' })
  @ApiQuery({ name: 'state', required: false, enum: DELIVERY_STATES })
  @ApiQuery({ name: 'receiver', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 100' })
  @ApiForbiddenResponse({ description: 'Not the control room.', schema: ERROR_SCHEMA })
  async deliveries(@Req() req: AuthenticatedRequest, @Query('state') state?: string, @Query('receiver') receiver?: string, @Query('limit') limit?: string): Promise<DeliveryView[]> {
    if (!isControlRoomStaff(req.principal)) throw new ForbiddenException('the delivery log is for the control room');
    if (state !== undefined && !DELIVERY_STATES.includes(state)) throw new BadRequestException(`no delivery state "${state}": one of ${DELIVERY_STATES.join(', ')}`);
    const take = Math.min(500, Math.max(1, Number(limit ?? 100) || 100));
    return notificationHistory.recent(this.dataSource.manager, { state, receiver, limit: take });
  }
}

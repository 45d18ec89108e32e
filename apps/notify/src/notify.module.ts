import { DynamicModule, Module } from '@nestjs/common';
import { ProducedStreamsModule } from '@vigil/bus';
import { appDatabaseModule } from '@vigil/db';
import { appTimersProvider } from '@vigil/timers';
import { AlertEventsConsumer } from './alerts/alert-events.consumer';
import { TakeAlertEventsUseCase } from './alerts/take-alert-events.usecase';
import type { Channel } from './channels/channel';
import { EmailChannel } from './channels/email';
import { SmsChannel } from './channels/sms';
import { SOCKET_CHANNEL, SocketChannel } from './channels/socket';
import { WebhookChannel } from './channels/webhook';
import { CHANNEL_REGISTRY, ChannelRegistry } from './deliveries/channel-registry';
import { DeliverySender } from './deliveries/delivery-sender';
import { SILENCES_IN_FORCE } from './deliveries/muting-data';
import { PlanDeliveries } from './deliveries/plan-deliveries';
import { AttemptRecorder } from './deliveries/attempt-recorder';
import { SendDeliveryUseCase } from './deliveries/send-delivery.usecase';
import { AcknowledgeAlertUseCase } from './escalations/acknowledge-alert.usecase';
import { AcknowledgeLinkController } from './escalations/acknowledge-link.controller';
import { AcknowledgeLinks } from './escalations/acknowledge-links';
import { AdvanceEscalationUseCase } from './escalations/advance-escalation.usecase';
import { EscalationSteps } from './escalations/escalation-steps';
import { DueWorkPoller } from './due-work/due-work-poller';
import { FlushGroupUseCase } from './groups/flush-group.usecase';
import { NotificationsController } from './history/notifications.controller';
import { MAINTENANCE } from './maintenance/maintenance.parts';
import { NOTIFY_MIGRATIONS } from './notify.migrations';
import { NOTIFY_OPTIONS, NotifyOptions } from './notify.options';
import { NOTIFY_SCHEMA } from './notify.schema';
import { NotifyTimerHandlers } from './notify-timers.handlers';
import { ChangeRoutingUseCase } from './routing/change-routing.usecase';
import { LoadRouting } from './routing/load-routing';
import { RoutingController } from './routing/routing.controller';
import { RoutingInForce } from './routing/routing-in-force';
import { RoutingVersionEntity } from './routing/routing-version.entity';
import { SilenceEffects } from './silences/silence-effects';
import { SILENCE_LIFECYCLE } from './silences/silence-lifecycle';
import { SilenceStore } from './silences/silence-store';
import { SILENCES } from './silences/silences.parts';

/**
 * Notify: incident, fault and source events become alerts, routed by rules kept as data, grouped,
 * muted (silences, inhibition, faults' maintenance windows), de-duplicated against the notification log, sent on each receiver's channels with retries,
 * and escalated until someone acknowledges. Everything it must not forget is in Postgres and its
 * waits are durable (escalation timers, and flush and retry times the due-work poller reads), so a restart or a second replica changes nothing that is sent.
 */
@Module({})
export class NotifyModule {
  static register(options: NotifyOptions): DynamicModule {
    return {
      module: NotifyModule,
      imports: [ProducedStreamsModule.of('notify', SOCKET_CHANNEL.streams), appDatabaseModule({ url: options.databaseUrl, schema: NOTIFY_SCHEMA, entities: [RoutingVersionEntity, ...SILENCES.entities], migrations: NOTIFY_MIGRATIONS })],
      controllers: [RoutingController, NotificationsController, AcknowledgeLinkController, ...SILENCES.controllers, AlertEventsConsumer, ...MAINTENANCE.consumers],
      providers: [
        { provide: NOTIFY_OPTIONS, useValue: options },
        appTimersProvider({ url: options.databaseUrl, appSchema: NOTIFY_SCHEMA, runner: { concurrency: 8 } }),
        ...SOCKET_CHANNEL.providers,
        { provide: CHANNEL_REGISTRY, inject: [SocketChannel], useFactory: (socket: SocketChannel) => new ChannelRegistry([socket, ...channelsOf(options)]) },
        ...SILENCES.providers,
        { provide: SILENCES_IN_FORCE, useExisting: SilenceStore },
        { provide: SILENCE_LIFECYCLE, useClass: SilenceEffects },
        ...MAINTENANCE.providers,
        RoutingInForce,
        LoadRouting,
        ChangeRoutingUseCase,
        PlanDeliveries,
        SendDeliveryUseCase,
        AttemptRecorder,
        DeliverySender,
        AcknowledgeLinks,
        EscalationSteps,
        FlushGroupUseCase,
        TakeAlertEventsUseCase,
        AdvanceEscalationUseCase,
        AcknowledgeAlertUseCase,
        NotifyTimerHandlers,
        DueWorkPoller,
      ],
      exports: [RoutingInForce],
    };
  }
}

/** The channels this replica sends on besides the socket push: webhooks always; e-mail and SMS when configured. */
function channelsOf(options: NotifyOptions): Channel[] {
  const channels = options.channels;
  return [
    new WebhookChannel({ secrets: channels?.webhookSecrets ?? {}, timeoutMs: channels?.webhookTimeoutMs ?? 5_000 }),
    ...(channels?.email ? [new EmailChannel(channels.email)] : []),
    ...(channels?.sms ? [new SmsChannel(channels.sms)] : []),
  ];
}

import { DynamicModule, Module } from '@nestjs/common';
import { cameraHealthConsumerOf, EventPublisher, ProducedStreamsModule, STREAMS } from '@vigil/bus';
import { appDatabaseModule, appOutboxProvider } from '@vigil/db';
import { appTimersProvider } from '@vigil/timers';
import { DEFAULT_HEALTH_POLICY } from './domain/health-policy';
import { FAULTS_MIGRATIONS } from './faults.migrations';
import { FaultFiguresController } from './figures/fault-figures.controller';
import { FAULTS_OPTIONS, FaultsOptions } from './faults.options';
import { FAULTS_SCHEMA } from './faults.schema';
import { cameraHealthConsumerFor } from './health/camera-health.consumer';
import { HealthWatchdog, healthLookbackSeconds } from './health/health-watchdog';
import { RecordHealthTransitionUseCase } from './health/record-health-transition.usecase';
import { CamerasController } from './register/cameras.controller';
import { CameraEntity } from './register/camera.entity';
import { DemoCameraLoader } from './register/demo/demo-camera-loader';
import { ImportCamerasUseCase } from './register/import-cameras.usecase';
import { RegisterCameraUseCase } from './register/register-camera.usecase';
import { SiteEntity } from './register/site.entity';
import { SitesController } from './register/sites.controller';
import { UpdateCameraUseCase } from './register/update-camera.usecase';
import { MaintenanceWindowEntity } from './maintenance/maintenance-window.entity';
import { MaintenanceWindowsController } from './maintenance/maintenance-windows.controller';
import { PlanMaintenanceUseCase } from './maintenance/plan-maintenance.usecase';
import { ChangeTicketUseCase } from './tickets/change-ticket/change-ticket.usecase';
import { FaultEntity } from './tickets/fault.entity';
import { ReportFaultUseCase } from './tickets/report-fault/report-fault.usecase';
import { CheckSlaClockUseCase } from './tickets/sla/check-sla-clock.usecase';
import { SlaClockTimer } from './tickets/sla/sla-clock.timer';
import { TicketTimelineEntryEntity } from './tickets/ticket-timeline-entry.entity';
import { TicketEntity } from './tickets/ticket.entity';
import { FaultReportsController } from './tickets/fault-reports.controller';
import { TicketsController } from './tickets/tickets.controller';
import { LEND_A_CAM } from './loans/lend-a-cam.parts';

/**
 * Faults: the camera register, fault tickets for the maintenance contractor and their SLA
 * clocks, and (with `health` options) the camera health watchdog. It produces FAULTS (tickets and register changes) and CAMERA_HEALTH (which VMSs write
 * and only faults reads).
 */
@Module({})
export class FaultsModule {
  static register(options: FaultsOptions): DynamicModule {
    return {
      module: FaultsModule,
      imports: [
        ProducedStreamsModule.of('faults', [STREAMS.faults, STREAMS.cameraHealth, STREAMS.cameraRegister, STREAMS.maintenanceWindows]),
        appDatabaseModule({ url: options.databaseUrl, schema: FAULTS_SCHEMA, entities: [CameraEntity, SiteEntity, TicketEntity, FaultEntity, TicketTimelineEntryEntity, MaintenanceWindowEntity, ...LEND_A_CAM.entities], migrations: FAULTS_MIGRATIONS }),
      ],
      controllers: [CamerasController, SitesController, FaultReportsController, TicketsController, MaintenanceWindowsController, FaultFiguresController, ...LEND_A_CAM.controllers, ...healthControllers(options)],
      providers: [
        { provide: FAULTS_OPTIONS, useValue: options },
        appOutboxProvider(FAULTS_SCHEMA, EventPublisher),
        appTimersProvider({ url: options.databaseUrl, appSchema: FAULTS_SCHEMA }),
        RegisterCameraUseCase,
        UpdateCameraUseCase,
        ImportCamerasUseCase,
        ReportFaultUseCase,
        ChangeTicketUseCase,
        CheckSlaClockUseCase,
        SlaClockTimer,
        PlanMaintenanceUseCase,
        ...LEND_A_CAM.providers,
        ...(options.demo ? [DemoCameraLoader] : []),
        ...(options.health ? [HealthWatchdog, RecordHealthTransitionUseCase] : []),
      ],
    };
  }
}

/** The health watchdog's consumer, this replica's own, when the watchdog runs here (the process calls startConsumers). */
function healthControllers(options: FaultsOptions) {
  if (!options.health) return [];
  const lookback = healthLookbackSeconds(options.health.policy ?? DEFAULT_HEALTH_POLICY);
  return [cameraHealthConsumerFor(cameraHealthConsumerOf(options.health.instanceId, lookback))];
}

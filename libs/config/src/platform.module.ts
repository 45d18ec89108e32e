import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@vigil/auth';
import { BusModule } from '@vigil/bus';
import { ObservabilityModule, STARTUP_WAIT_SECONDS } from '@vigil/observability';
import { PlatformConfig } from './platform.config';

/** What every Vigil process stands on: health and metrics, the bus, token checks. Imported once by a composition root. */
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, clientName: string): DynamicModule {
    return {
      module: PlatformModule,
      // Global so that every app's database module finds the start-up wait limit.
      global: true,
      imports: [
        ObservabilityModule,
        BusModule.forRoot({
          url: config.natsUrl,
          namespace: config.busNamespace,
          clientName,
          startupWaitSeconds: config.startupWaitSeconds,
          streamReplicas: config.streamReplicas,
        }),
        AuthModule.forRoot(config.authSecret),
      ],
      providers: [{ provide: STARTUP_WAIT_SECONDS, useValue: config.startupWaitSeconds }],
      exports: [STARTUP_WAIT_SECONDS],
    };
  }
}

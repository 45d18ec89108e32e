import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@vigil/auth';
import { BusModule } from '@vigil/bus';
import { ObservabilityModule } from '@vigil/observability';
import { PlatformConfig } from './platform.config';

/** What every Vigil process stands on: health and metrics, the bus, token checks. Imported once by a composition root. */
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, clientName: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule,
        BusModule.forRoot({ url: config.natsUrl, namespace: config.busNamespace, clientName }),
        AuthModule.forRoot(config.authSecret),
      ],
    };
  }
}

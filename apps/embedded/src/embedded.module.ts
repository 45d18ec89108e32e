import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule } from '@vigil/config';
import { IngestOptions } from '../../ingest/src/ingest.options';
import { DashboardModule } from '../../dashboard/src/dashboard.module';
import { DashboardOptions } from '../../dashboard/src/dashboard.options';
import { SignInConfig } from '../../dashboard/src/sign-in/sign-in.config';
import { SignInModule } from '../../dashboard/src/sign-in/sign-in.module';
import { FaultsModule } from '../../faults/src/faults.module';
import { IngestModule } from '../../ingest/src/ingest.module';
import { NotifyModule } from '../../notify/src/notify.module';
import { TriageModule } from '../../triage/src/triage.module';

/**
 * Every app in one process, sharing one NATS connection and one HTTP server: the composition
 * root `npm start` and the end-to-end tests use. The only place allowed to import apps.
 */
@Module({})
export class EmbeddedModule {
  static register(platform: PlatformConfig, ingest: IngestOptions, signIn?: SignInConfig, dashboard?: DashboardOptions): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        PlatformModule.forRoot(platform, 'vigil'),
        IngestModule.register(ingest),
        TriageModule.register({ databaseUrl: platform.databaseUrl }),
        FaultsModule,
        NotifyModule,
        DashboardModule.register(dashboard),
        SignInModule.register(signIn),
      ],
    };
  }
}

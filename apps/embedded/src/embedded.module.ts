import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule } from '@vigil/config';
import { IngestOptions } from '../../ingest/src/ingest.options';
import { DashboardModule } from '../../dashboard/src/dashboard.module';
import { DashboardOptions } from '../../dashboard/src/dashboard.options';
import { SignInConfig } from '../../dashboard/src/sign-in/sign-in.config';
import { SignInModule } from '../../dashboard/src/sign-in/sign-in.module';
import { loadFaultsOptions } from '../../faults/src/faults.config';
import { FaultsModule } from '../../faults/src/faults.module';
import { FaultsOptions } from '../../faults/src/faults.options';
import { IngestModule } from '../../ingest/src/ingest.module';
import { NotifyModule } from '../../notify/src/notify.module';
import { NotifyOptions } from '../../notify/src/notify.options';
import { TriageModule } from '../../triage/src/triage.module';
import { TriageOptions } from '../../triage/src/triage.options';

/** Triage settings when a test does not choose them: the restore wait of the production default. */
const DEFAULT_TRIAGE = { restoreWaitSeconds: 30 };

/** What a composition may choose besides the platform and ingest; the rest takes production defaults. */
export interface EmbeddedOptions {
  triage?: Omit<TriageOptions, 'databaseUrl'>;
  /** The contract and the health watchdog's settings; the defaults when absent. */
  faults?: FaultsOptions;
  signIn?: SignInConfig;
  dashboard?: DashboardOptions;
  /** The routing file; without one, notify starts with the rules stored, or none. */
  notify?: Omit<NotifyOptions, 'databaseUrl'>;
}

/**
 * Every app in one process, sharing one NATS connection and one HTTP server: the composition
 * root `npm start` and the end-to-end tests use. The only place allowed to import apps.
 */
@Module({})
export class EmbeddedModule {
  static register(platform: PlatformConfig, ingest: IngestOptions, options: EmbeddedOptions = {}): DynamicModule {
    const { triage = DEFAULT_TRIAGE, signIn, dashboard, faults = loadFaultsOptions({}, platform), notify = {} } = options;
    return {
      module: EmbeddedModule,
      imports: [
        PlatformModule.forRoot(platform, 'vigil'),
        IngestModule.register(ingest),
        TriageModule.register({ ...triage, databaseUrl: platform.databaseUrl }),
        FaultsModule.register(faults),
        NotifyModule.register({ ...notify, databaseUrl: platform.databaseUrl }),
        DashboardModule.register(dashboard),
        SignInModule.register(signIn),
      ],
    };
  }
}

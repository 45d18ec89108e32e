import { DynamicModule, Module } from '@nestjs/common';
import { appDatabaseModule } from '@vigil/db';
import { NOTIFY_MIGRATIONS } from './notify.migrations';
import { NOTIFY_OPTIONS, NotifyOptions } from './notify.options';
import { NOTIFY_SCHEMA } from './notify.schema';
import { ChangeRoutingUseCase } from './routing/change-routing.usecase';
import { LoadRouting } from './routing/load-routing';
import { RoutingController } from './routing/routing.controller';
import { RoutingInForce } from './routing/routing-in-force';
import { RoutingVersionEntity } from './routing/routing-version.entity';

/**
 * Notify: routing, channels and escalation. Today it keeps the routing rules (every version, in
 * force without a restart through {@link RoutingInForce}); the pipeline's stages arrive with the
 * rest of the notification issue.
 */
@Module({})
export class NotifyModule {
  static register(options: NotifyOptions): DynamicModule {
    return {
      module: NotifyModule,
      imports: [appDatabaseModule({ url: options.databaseUrl, schema: NOTIFY_SCHEMA, entities: [RoutingVersionEntity], migrations: NOTIFY_MIGRATIONS })],
      controllers: [RoutingController],
      providers: [{ provide: NOTIFY_OPTIONS, useValue: options }, RoutingInForce, LoadRouting, ChangeRoutingUseCase],
      exports: [RoutingInForce],
    };
  }
}

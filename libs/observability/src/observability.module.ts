import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health';
import { MetricsController } from './metrics.controller';

/** `/health` and `/metrics` for the process, with a registry every app adds its checks to. */
@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [HealthRegistry],
  exports: [HealthRegistry],
})
export class ObservabilityModule {}

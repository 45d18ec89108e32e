import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry } from './metrics';
import { ApiMetrics } from './ops-openapi';

/** Prometheus scrape endpoint. */
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiMetrics()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

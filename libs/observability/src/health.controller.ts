import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health';
import { ApiLiveness, ApiReadiness } from './ops-openapi';

/** Liveness (the process answers) and readiness (NATS and Postgres reachable). */
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @ApiLiveness()
  live() {
    return { status: 'up' };
  }

  @Get(['', 'ready'])
  @ApiReadiness()
  async ready(@Res() response: Response) {
    const checks = await this.registry.runAll();
    const up = checks.every((c) => c.up);
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: up ? 'up' : 'down', checks });
  }
}

import { Controller, Get, UseGuards } from '@nestjs/common';
import { ControlRoomGuard } from '@vigil/auth';
import { SourceRegistry } from './source-registry';

/** One row of the supervision board. */
export interface SourceView {
  sourceKind: string;
  sourceId: string;
  partnerId: string | null;
  state: string;
  lastSeen: string | null;
  expectedIntervalSeconds: number | null;
  changedAt: string;
  reason: string;
}

/** Every gateway's and alarm path's last heartbeat and state, for control-room staff. */
@Controller('api/sources')
@UseGuards(ControlRoomGuard)
export class SourcesController {
  constructor(private readonly registry: SourceRegistry) {}

  @Get()
  async list(): Promise<SourceView[]> {
    return (await this.registry.list()).map((row) => ({
      sourceKind: row.sourceKind,
      sourceId: row.sourceId,
      partnerId: row.partnerId,
      state: row.state,
      lastSeen: row.lastSeen?.toISOString() ?? null,
      expectedIntervalSeconds: row.expectedIntervalSeconds,
      changedAt: row.changedAt.toISOString(),
      reason: row.reason,
    }));
  }
}

import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ControlRoomGuard } from '@vigil/auth';
import { ApiControlRoomToken } from '@vigil/config';
import { SourceRegistry } from './source-registry';
import { ApiListSources } from './sources-openapi';

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
@ApiTags('supervision')
@ApiControlRoomToken()
@Controller('api/sources')
@UseGuards(ControlRoomGuard)
export class SourcesController {
  constructor(private readonly registry: SourceRegistry) {}

  @Get()
  @ApiListSources()
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

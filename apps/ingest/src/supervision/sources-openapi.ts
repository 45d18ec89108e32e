import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SOURCE_STATES, SUPERVISED_SOURCE_KINDS } from '@vigil/contracts';

const SOURCE_VIEW: SchemaObject = {
  type: 'object',
  description: 'SourceView: one row of the supervision board.',
  properties: {
    sourceKind: { type: 'string', enum: [...SUPERVISED_SOURCE_KINDS] },
    sourceId: { type: 'string', description: 'gateway id or alarm account' },
    partnerId: { type: 'string', nullable: true },
    state: { type: 'string', enum: [...SOURCE_STATES] },
    lastSeen: { type: 'string', format: 'date-time', nullable: true },
    expectedIntervalSeconds: { type: 'integer', nullable: true },
    changedAt: { type: 'string', format: 'date-time' },
    reason: { type: 'string', description: 'why the state is what it is' },
  },
};

/** GET /api/sources. */
export const ApiListSources = () =>
  applyDecorators(
    ApiOperation({ summary: "Every gateway's and alarm path's last heartbeat and supervision state", description: 'Who: control-room staff (operators and police).' }),
    ApiOkResponse({ schema: { type: 'array', items: SOURCE_VIEW } }),
  );

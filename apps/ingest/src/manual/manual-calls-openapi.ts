import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { ApiError, ApiZodBody } from '@vigil/config';
import { manualCallSchema } from '@vigil/contracts';

/** POST /api/calls. */
export const ApiEnterManualCall = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Enter a Police Control call or a Controller sighting',
      description: 'Who: control-room operators only. Who entered it is taken from the token. Send a clientReference to make a retried submission safe.',
    }),
    ApiZodBody(manualCallSchema, "category is not in the partnership's taxonomy"),
    ApiCreatedResponse({
      description: 'Taken; triage opens the incident.',
      schema: {
        type: 'object',
        description: 'ManualCallReceipt',
        properties: {
          callKey: { type: 'string', description: 'the key the call is known by' },
          receivedAt: { type: 'string', format: 'date-time' },
          duplicate: { type: 'boolean', description: 'this entry (same clientReference) was already taken' },
        },
      },
    }),
    ApiError(403, 'Only control-room operators enter calls.'),
  );

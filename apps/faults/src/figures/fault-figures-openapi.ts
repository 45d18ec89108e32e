import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces } from '@nestjs/swagger';
import { z } from 'zod';
import { faultFiguresQuerySchema } from '@vigil/contracts';
import { ApiZodQuery, ERROR_SCHEMA, openApiSchema } from '@vigil/config';

const WHO =
  'Who: operators, supervisors and the police count every camera; a partner its own cameras; the contractor the cameras and tickets its tickets cover. ' +
  'JSON by default; CSV (text/csv, one column per field, RFC 4180) with `Accept: text/csv` or `format=csv`.';

/** GET /api/fault-figures/<report>: the period query, JSON rows of the contract schema, or the same as CSV. */
export const ApiFaultFigures = (summary: string, description: string, row: z.ZodObject, also?: 'owner-availability') =>
  applyDecorators(
    ApiOperation({ summary, description: `${description} ${WHO}` }),
    ApiZodQuery(faultFiguresQuerySchema),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({
      content: {
        'application/json': { schema: { type: 'array', items: openApiSchema(row, 'output') } },
        'text/csv': { schema: { type: 'string', description: `header: ${Object.keys(row.shape).join(',')}` } },
      },
    }),
    ApiForbiddenResponse({
      description: also === 'owner-availability' ? "The contractor: an owner's availability covers cameras its tickets do not." : 'A partner token without a partner.',
      schema: ERROR_SCHEMA,
    }),
  );

/** The camera history route's path parameter and its 404. */
export const ApiCameraParam = () =>
  applyDecorators(
    ApiParam({ name: 'cameraId', description: 'the camera register id' }),
    ApiNotFoundResponse({ description: 'No such camera, or not one the caller may see.', schema: ERROR_SCHEMA }),
  );

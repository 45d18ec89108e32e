import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { ApiError, GATEWAY_SECRET_SCHEME, openApiSchema } from '@vigil/config';
import {
  airwaveCallSchema,
  airwaveHeartbeatSchema,
  airwaveSdsSchema,
  airwaveStatusSchema,
  townlinkHeartbeatSchema,
  townlinkMemberCallSchema,
  townlinkPanicSchema,
  townlinkRadioStateSchema,
} from '@vigil/contracts';

// The path's family and kind choose the payload, as the NATS subject does; these are the same contract schemas.
const PAYLOADS: Record<string, z.ZodType> = {
  'airwave/sds': airwaveSdsSchema,
  'airwave/status': airwaveStatusSchema,
  'airwave/call': airwaveCallSchema,
  'airwave/heartbeat': airwaveHeartbeatSchema,
  'townlink/member-call': townlinkMemberCallSchema,
  'townlink/panic': townlinkPanicSchema,
  'townlink/radio-state': townlinkRadioStateSchema,
  'townlink/heartbeat': townlinkHeartbeatSchema,
};

const BODY: SchemaObject = {
  description: 'The gateway payload for {family}/{kind}, exactly as it would be published on NATS; at most 64 KiB.',
  oneOf: Object.entries(PAYLOADS).map(([path, schema]) => ({ title: path, ...openApiSchema(schema) })),
};

/** POST /api/gateways/:family/:gatewayId/:kind. */
export const ApiGatewayIntake = () =>
  applyDecorators(
    ApiOperation({
      summary: 'A gateway that cannot speak NATS posts its payload here',
      description:
        "Who: a gateway, with its own secret (not a session token). A valid message joins the gateway stream as if published there (same subject, same de-duplication id); a refused one is kept as a dead letter.",
    }),
    ApiBearerAuth(GATEWAY_SECRET_SCHEME),
    ApiParam({ name: 'family', schema: { type: 'string', enum: ['airwave', 'townlink'] } }),
    ApiParam({ name: 'gatewayId', description: 'the sending gateway; its secret must match, and the payload must name it' }),
    ApiParam({ name: 'kind', description: 'airwave: sds, status, call, heartbeat; townlink: member-call, panic, radio-state, heartbeat' }),
    ApiBody({ schema: BODY }),
    ApiAcceptedResponse({
      description: 'Taken onto the gateway stream.',
      schema: { type: 'object', description: 'IntakeReceipt', properties: { accepted: { type: 'boolean', enum: [true] }, duplicate: { type: 'boolean', description: 'the same message id was already taken: no second call' } } },
    }),
    ApiError(400, 'Unknown family; or, kept as a dead letter, an unknown kind, not JSON, or not the payload of its kind: the message says why.'),
    ApiError(401, 'No secret, or not this gateway\'s.'),
    ApiError(403, 'The payload names another gateway; kept as a dead letter.'),
    ApiError(413, 'Over 64 KiB; its first 64 KiB are kept as a dead letter.'),
  );

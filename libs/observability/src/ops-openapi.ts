import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const READINESS: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    checks: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, up: { type: 'boolean' }, detail: { type: 'string' } } } },
  },
};

/** GET /health/live: for the orchestrator, so public. */
export const ApiLiveness = () =>
  applyDecorators(
    ApiOperation({ summary: 'Liveness: the process answers', description: 'Who: anyone (public), e.g. the orchestrator.' }),
    ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['up'] } } } }),
  );

/** GET /health and /health/ready. */
export const ApiReadiness = () =>
  applyDecorators(
    ApiOperation({ summary: "Readiness: NATS, Postgres and the app's own listeners reachable", description: 'Who: anyone (public). URLs in the details never carry credentials.' }),
    ApiOkResponse({ description: 'Every check is up.', schema: READINESS }),
    ApiServiceUnavailableResponse({ description: 'At least one check is down.', schema: READINESS }),
  );

// The ops-endpoints middleware, not a guard, decides who gets /metrics (VIGIL_OPS_ENDPOINTS).
const refusal = (status: number, description: string) =>
  ApiResponse({ status, description, schema: { type: 'object', properties: { statusCode: { type: 'number' }, message: { type: 'string' } } } });

/** GET /metrics. */
export const ApiMetrics = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Prometheus metrics',
      description: 'Who: as VIGIL_OPS_ENDPOINTS says: anyone (public), control-room staff with a session token (staff, the default outside demo mode), or nobody (off).',
    }),
    // Only the metrics are text; the middleware's refusals are JSON.
    ApiOkResponse({ description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } }),
    refusal(401, 'staff mode: no bearer token, or an invalid one.'),
    refusal(403, 'staff mode: not a police or operator token.'),
    refusal(404, 'off mode: not served.'),
  );

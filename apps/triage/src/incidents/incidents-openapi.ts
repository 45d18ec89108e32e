import { applyDecorators } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiZodQuery, ERROR_SCHEMA, openApiSchema } from '@vigil/config';
import { incidentListQuerySchema, incidentSchema } from '@vigil/contracts';

const INCIDENT = openApiSchema(incidentSchema, 'output');

// Every role may read, each only what it may see (a partner its own area's), so the answer to one it may not see is 404, never 403.
const WHO = 'Who: any session token; operators and police see every incident, a partner its own area\'s, the contractor none.';

const missing = () => ApiNotFoundResponse({ description: 'No such incident, or not one the caller may see.', schema: ERROR_SCHEMA });

const TIMELINE_ENTRY: SchemaObject = {
  type: 'object',
  properties: { at: { type: 'string' }, kind: { type: 'string' }, actor: { type: 'string' }, reason: { type: 'string', nullable: true }, version: { type: 'integer', nullable: true }, detail: { type: 'object' } },
};

const INCIDENT_CALL: SchemaObject = {
  type: 'object',
  properties: { callKey: { type: 'string' }, source: { type: 'string' }, receivedAt: { type: 'string' }, summary: { type: 'string' }, reason: { type: 'string' } },
};

/** GET /api/incidents. */
export const ApiListIncidents = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Incidents the caller may see, filtered and paged',
      description: `${WHO} \`board=open\`: not closed, by grade then longest waiting. Otherwise newest first. \`q\` searches reference, summary and notes.`,
    }),
    ApiZodQuery(incidentListQuerySchema),
    ApiOkResponse({ schema: { type: 'array', items: INCIDENT } }),
  );

/** GET /api/incidents/:idOrReference. */
export const ApiOneIncident = () =>
  applyDecorators(
    ApiOperation({ summary: 'One incident by id or reference (VIG-2026-000123)', description: WHO }),
    ApiParam({ name: 'idOrReference', description: 'incident id (uuid) or reference' }),
    ApiOkResponse({ schema: INCIDENT }),
    missing(),
  );

/** GET /api/incidents/:id/timeline. */
export const ApiIncidentTimeline = () =>
  applyDecorators(
    ApiOperation({ summary: "The incident's timeline, oldest first: every call, decision and change, with who and why", description: WHO }),
    ApiParam({ name: 'id', description: 'incident id (uuid)' }),
    ApiOkResponse({ schema: { type: 'array', items: TIMELINE_ENTRY } }),
    missing(),
  );

/** GET /api/incidents/:id/calls. */
export const ApiIncidentCalls = () =>
  applyDecorators(
    ApiOperation({ summary: 'The calls on the incident, first received first, each with why it is there', description: WHO }),
    ApiParam({ name: 'id', description: 'incident id (uuid)' }),
    ApiOkResponse({ schema: { type: 'array', items: INCIDENT_CALL } }),
    missing(),
  );

import { applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { incidentSchema } from '@vigil/contracts';
import { ApiZodBody, ERROR_SCHEMA, openApiSchema } from '@vigil/config';
import { LIFECYCLE_COMMANDS, LifecycleCommandName } from './domain/lifecycle-command';

const STALE_RESPONSE: SchemaObject = {
  type: 'object',
  description: 'StaleIncidentResponse: the incident changed since the version sent; `current` is it as it is now.',
  properties: { statusCode: { type: 'number', enum: [409] }, message: { type: 'string' }, sentVersion: { type: 'number' }, current: openApiSchema(incidentSchema, 'output') },
};

const REFUSED_RESPONSE: SchemaObject = {
  type: 'object',
  properties: { statusCode: { type: 'number', enum: [422] }, message: { type: 'string' }, reason: { type: 'string', description: 'the named refusal, e.g. not-acknowledged, incident-closed, unchanged, unknown-category' } },
};

/** Documents a lifecycle route: its body from the contract, and every answer it can give. */
export function ApiLifecycleCommand(name: LifecycleCommandName, summary: string, who = 'operators'): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary, description: `Who: ${who}. Records a \`${LIFECYCLE_COMMANDS[name].change}\` change: the version goes up by one, the timeline gets an entry and an incidentChanged event is published.` }),
    ApiZodBody(LIFECYCLE_COMMANDS[name].schema),
    ApiOkResponse({ description: 'The incident after the change.', schema: openApiSchema(incidentSchema, 'output') }),
    ApiForbiddenResponse({ description: 'The caller sees the incident but its role may not do this.', schema: ERROR_SCHEMA }),
    ApiNotFoundResponse({ description: 'No such incident, or not one the caller may see.', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 409, description: 'Stale version: nothing was changed.', schema: STALE_RESPONSE }),
    ApiResponse({ status: 422, description: 'Not allowed in the incident\'s state, or the change is invalid or changes nothing.', schema: REFUSED_RESPONSE }),
  );
}

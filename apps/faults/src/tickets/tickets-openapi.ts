import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { reportFaultSchema, ticketForAudienceSchema, ticketListQuerySchema } from '@vigil/contracts';
import { ApiZodBody, ApiZodQuery, ERROR_SCHEMA, openApiSchema } from '@vigil/config';
import { TicketCommand } from '../domain/ticket-state-machine';
import { TICKET_COMMAND_SCHEMAS } from './change-ticket/ticket-command';

const TICKET = openApiSchema(ticketForAudienceSchema, 'output');
const READERS = 'Who: any session token; police, operators and the contractor see every ticket, a partner its own.';
const missing = () => ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see.', schema: ERROR_SCHEMA });
const STALE: SchemaObject = {
  type: 'object',
  description: 'StaleTicketResponse: the ticket changed since the version sent; `current` is it as it is now.',
  properties: { statusCode: { type: 'number', enum: [409] }, message: { type: 'string' }, sentVersion: { type: 'number' }, current: TICKET },
};
const REFUSED: SchemaObject = {
  type: 'object',
  properties: { statusCode: { type: 'number', enum: [422] }, message: { type: 'string' }, reason: { type: 'string', description: 'the named refusal: not-acknowledged, not-fixed, already-verified, camera-decommissioned, …' } },
};
const TIMELINE_ENTRY: SchemaObject = {
  type: 'object',
  properties: { at: { type: 'string' }, kind: { type: 'string' }, actor: { type: 'string' }, reason: { type: 'string', nullable: true }, version: { type: 'integer', nullable: true }, detail: { type: 'object' } },
};

/** POST /api/faults. */
export const ApiReportFault = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Report a camera fault: opens a ticket for the contractor with response and fix deadlines',
      description:
        'Who: operators, police and the contractor. Severity follows the symptom (emergency attendance for loss of image or control). The camera goes out of public view at once. A camera whose ticket is still open gets that ticket back (200), as does the same clientReference.',
    }),
    ApiZodBody(reportFaultSchema),
    ApiCreatedResponse({ description: 'A ticket was opened.', schema: TICKET }),
    ApiOkResponse({ description: 'The camera already has an open ticket (or this report was made before): that ticket.', schema: TICKET }),
    ApiForbiddenResponse({ description: 'Partners read faults; they do not report them here.', schema: ERROR_SCHEMA }),
    ApiNotFoundResponse({ description: 'No such camera, or not one the caller may see.', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 422, description: 'The camera is decommissioned.', schema: REFUSED }),
  );

/** GET /api/tickets. */
export const ApiListTickets = () =>
  applyDecorators(
    ApiOperation({ summary: 'Tickets the caller may see', description: `${READERS} \`board=open\`: not verified, soonest running deadline first; otherwise newest first.` }),
    ApiZodQuery(ticketListQuerySchema),
    ApiOkResponse({ schema: { type: 'array', items: TICKET } }),
  );

/** GET /api/tickets/:id. */
export const ApiOneTicket = () =>
  applyDecorators(ApiOperation({ summary: 'One ticket', description: READERS }), ApiParam({ name: 'id', description: 'ticket id (uuid)' }), ApiOkResponse({ schema: TICKET }), missing());

/** GET /api/tickets/:id/timeline. */
export const ApiTicketTimeline = () =>
  applyDecorators(
    ApiOperation({ summary: "The ticket's timeline, oldest first: opened, every step, warning and breach, with who and why", description: READERS }),
    ApiParam({ name: 'id', description: 'ticket id (uuid)' }),
    ApiOkResponse({ schema: { type: 'array', items: TIMELINE_ENTRY } }),
    missing(),
  );

/** POST /api/tickets/:id/<command>. */
export const ApiTicketCommand = (name: TicketCommand, summary: string, who: string) =>
  applyDecorators(
    ApiOperation({ summary, description: `Who: ${who}. Names the version seen; the version goes up by one, the timeline gets an entry and a ticketChanged event is published.` }),
    ApiParam({ name: 'id', description: 'ticket id (uuid)' }),
    ApiZodBody(TICKET_COMMAND_SCHEMAS[name]),
    ApiOkResponse({ description: 'The ticket after the change.', schema: TICKET }),
    ApiForbiddenResponse({ description: 'The caller sees the ticket but its role may not do this.', schema: ERROR_SCHEMA }),
    missing(),
    ApiResponse({ status: 409, description: 'Stale version: nothing was changed.', schema: STALE }),
    ApiResponse({ status: 422, description: "Not allowed in the ticket's state.", schema: REFUSED }),
  );

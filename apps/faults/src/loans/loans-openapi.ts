import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { loanDeploymentSchema, waitingEntrySchema } from '@vigil/contracts';
import { ApiZodBody, ERROR_SCHEMA, openApiSchema } from '@vigil/config';

/** A deployment and a waiting-list entry as the API answers them. */
export const LOAN = openApiSchema(loanDeploymentSchema, 'output');
export const WAITING_ENTRY = openApiSchema(waitingEntrySchema, 'output');

const MANAGERS = 'Who: operators and supervisors.';
/** Who reads: the control room, and a partner its own; police and the contractor have no part in the scheme. */
export const LOAN_READERS = 'Who: operators and supervisors see every deployment and list, a partner its own; police and the contractor none (403).';

const stale = (record: SchemaObject): SchemaObject => ({
  type: 'object',
  description: 'The record changed since the version sent; `current` is it as it is now. Nothing was changed.',
  properties: { statusCode: { type: 'number', enum: [409] }, message: { type: 'string' }, sentVersion: { type: 'number' }, current: record },
});
const refused = (reasons: string): SchemaObject => ({
  type: 'object',
  properties: { statusCode: { type: 'number', enum: [422] }, message: { type: 'string' }, reason: { type: 'string', description: `the named refusal: ${reasons}` } },
});

/** A command that changes a versioned deployment or waiting-list entry. */
export const ApiLoanCommand = (what: 'deployment' | 'waiting-list entry', summary: string, body: z.ZodType, reasons: string) =>
  applyDecorators(
    ApiOperation({ summary, description: `${MANAGERS} Names the version seen; the version goes up by one and the change is announced.` }),
    ApiParam({ name: 'id', description: `${what} id (uuid)` }),
    ApiZodBody(body),
    ApiOkResponse({ description: `The ${what} after the change.`, schema: what === 'deployment' ? LOAN : WAITING_ENTRY }),
    ApiForbiddenResponse({ description: 'The caller may not manage the scheme.', schema: ERROR_SCHEMA }),
    ApiNotFoundResponse({ description: `No such ${what}, or not one the caller may see.`, schema: ERROR_SCHEMA }),
    ApiResponse({ status: 409, description: 'Stale version.', schema: stale(what === 'deployment' ? LOAN : WAITING_ENTRY) }),
    ApiResponse({ status: 422, description: "Not allowed in the record's state.", schema: refused(reasons) }),
  );

/** A command that creates a deployment or an entry. */
export const ApiLoanCreate = (summary: string, description: string, body: z.ZodType, created: SchemaObject, reasons: string, namesCamera = true) =>
  applyDecorators(
    ApiOperation({ summary, description: `${MANAGERS} ${description}` }),
    ApiZodBody(body),
    ApiCreatedResponse({ schema: created }),
    ApiForbiddenResponse({ description: 'The caller may not manage the scheme.', schema: ERROR_SCHEMA }),
    ...(namesCamera ? [ApiNotFoundResponse({ description: 'No such camera in the register.', schema: ERROR_SCHEMA })] : []),
    ApiResponse({ status: 422, description: 'Refused, with the named reason.', schema: refused(reasons) }),
  );

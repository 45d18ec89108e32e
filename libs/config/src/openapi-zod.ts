import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** A contract schema as OpenAPI 3.0 sees it: the contract stays the single source of the shape. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json as SchemaObject;
}

/** The 400 a {@link ZodBodyPipe} answers: every wrong field by path, besides the whole in one message. */
export const FIELD_ERRORS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    statusCode: { type: 'number', enum: [400] },
    error: { type: 'string' },
    message: { type: 'string', description: 'every problem in one line, e.g. "invalid call: text: Required"' },
    issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', description: 'dotted, empty for the body itself' }, message: { type: 'string' } } } },
  },
};

// Only the route knows what else it refuses with a 400, so it may say so here.
const fieldErrors = (also?: string) =>
  ApiBadRequestResponse({ description: `The ${also ? `${also}, or the ` : ''}input does not match: each wrong field is named.`, schema: FIELD_ERRORS_SCHEMA });

/** The request body a route validates with {@link ZodBodyPipe}, and the 400 that lists each wrong field. */
export function ApiZodBody(schema: z.ZodType, also400?: string): MethodDecorator {
  return applyDecorators(ApiBody({ schema: openApiSchema(schema) }), fieldErrors(also400));
}

/** One documented query parameter per property of a query schema, and the 400 for a wrong one. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema);
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject, description: (property as SchemaObject).description }),
    ),
    fieldErrors(),
  );
}

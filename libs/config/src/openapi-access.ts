import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Security scheme of a Vigil session token (HS256 JWT), as `npm run token` or sign-in issues it. */
export const SESSION_TOKEN_SCHEME = 'session-token';

/** Security scheme of a gateway's own shared secret, sent as a bearer credential to the HTTP intake. */
export const GATEWAY_SECRET_SCHEME = 'gateway-secret';

/** Nest's answer for a refused request: status, what to do about it, and the status's name. */
export const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { statusCode: { type: 'number' }, message: { type: 'string' }, error: { type: 'string' } },
};

/** A refusal documented with {@link ERROR_SCHEMA}. */
export function ApiError(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, schema: ERROR_SCHEMA });
}

const noToken = () => ApiUnauthorizedResponse({ description: 'No bearer token, or one expired or not signed by this Vigil.', schema: ERROR_SCHEMA });

/** A route behind `AuthGuard`: any valid session token; the route names the roles it then serves. */
export function ApiSessionToken(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(SESSION_TOKEN_SCHEME), noToken());
}

/** A route behind `ControlRoomGuard`: police or operator tokens; partners and the contractor get 403. */
export function ApiControlRoomToken(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(SESSION_TOKEN_SCHEME),
    noToken(),
    ApiForbiddenResponse({ description: 'Not control-room staff: only police and operator tokens.', schema: ERROR_SCHEMA }),
  );
}

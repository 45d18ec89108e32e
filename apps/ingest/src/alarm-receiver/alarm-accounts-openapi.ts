import { applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiError, ApiZodBody } from '@vigil/config';
import { alarmAccountInputSchema } from './alarm-account.schema';

const WHO = 'Who: control-room staff (operators and police); each change is audited with who made it.';

const NAMES: SchemaObject = { type: 'object', additionalProperties: { type: 'string' }, description: 'number → name' };

const ACCOUNT_VIEW: SchemaObject = {
  type: 'object',
  description: 'AlarmAccountView: never the key, only whether there is one.',
  properties: {
    account: { type: 'string', description: 'upper-case hex' },
    partnerId: { type: 'string' },
    site: { type: 'string' },
    address: { type: 'string' },
    zones: NAMES,
    users: NAMES,
    encrypted: { type: 'boolean' },
    testIntervalSeconds: { type: 'integer', nullable: true },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const accountParam = () => ApiParam({ name: 'account', description: 'DC-09 account number: 3 to 16 hex digits', schema: { type: 'string', pattern: '^[0-9A-Fa-f]{3,16}$' } });

/** GET /api/alarm-accounts. */
export const ApiListAlarmAccounts = () =>
  applyDecorators(
    ApiOperation({ summary: 'The alarm account register, by account number', description: WHO }),
    ApiOkResponse({ schema: { type: 'array', items: ACCOUNT_VIEW } }),
  );

/** PUT /api/alarm-accounts/:account. */
export const ApiPutAlarmAccount = () =>
  applyDecorators(
    ApiOperation({ summary: "Register or replace an alarm account; the panel's next frame is judged by it", description: WHO }),
    accountParam(),
    ApiZodBody(alarmAccountInputSchema, 'account number is not 3-16 hex digits'),
    ApiOkResponse({ description: 'The account as saved.', schema: ACCOUNT_VIEW }),
  );

/** DELETE /api/alarm-accounts/:account. */
export const ApiDeleteAlarmAccount = () =>
  applyDecorators(
    ApiOperation({ summary: "Remove an alarm account: the panel's next frame is NAKed as from an unknown account", description: WHO }),
    accountParam(),
    ApiNoContentResponse({ description: 'Removed.' }),
    ApiError(400, 'The account number is not 3-16 hex digits.'),
    ApiError(404, 'No such account.'),
  );

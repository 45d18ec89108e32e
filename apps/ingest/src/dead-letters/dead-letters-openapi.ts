import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiError } from '@vigil/config';

const WHO = 'Who: control-room staff (operators and police), not partners or the contractor.';

const DEAD_LETTER_VIEW: SchemaObject = {
  type: 'object',
  description: 'DeadLetterView: raw bytes as base64 and, when printable, as text.',
  properties: {
    id: { type: 'string' },
    rejectedBy: { type: 'string', description: 'the stage that refused it' },
    origin: { type: 'string', description: 'nats:<subject>, http:<ip> <path>, or the DC-09 peer' },
    reason: { type: 'string' },
    rawBase64: { type: 'string', format: 'byte' },
    rawText: { type: 'string', nullable: true },
    receivedAt: { type: 'string', format: 'date-time' },
    deliveryAttempts: { type: 'integer' },
    replayCount: { type: 'integer' },
    lastReplayedAt: { type: 'string', format: 'date-time', nullable: true },
    lastReplayedBy: { type: 'string', nullable: true },
  },
};

const REPLAY_RECEIPT: SchemaObject = {
  type: 'object',
  description: 'ReplayReceipt: the subject the bytes went to and the message id they went as.',
  properties: {
    deadLetterId: { type: 'string' },
    subject: { type: 'string' },
    messageId: { type: 'string' },
    streamSeq: { type: 'integer' },
    replayedAt: { type: 'string', format: 'date-time' },
  },
};

/** GET /api/dead-letters. */
export const ApiListDeadLetters = () =>
  applyDecorators(
    ApiOperation({ summary: 'What Vigil refused, newest first, with its raw bytes and replays', description: WHO }),
    ApiQuery({ name: 'limit', required: false, description: 'how many, 1 to 1000 (out of range is clamped)', schema: { type: 'integer', default: 100 } }),
    ApiOkResponse({ schema: { type: 'array', items: DEAD_LETTER_VIEW } }),
    ApiError(400, '`limit` is not an integer.'),
  );

/** POST /api/dead-letters/:id/replay. */
export const ApiReplayDeadLetter = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Send the kept bytes back to the NATS subject they came from, once the cause is fixed',
      description: `${WHO} Each replay is recorded with who sent it; downstream de-duplication on the call key means replaying twice opens one incident.`,
    }),
    ApiParam({ name: 'id', description: 'dead letter id' }),
    // The route reads nothing from the body: saying so keeps clients from inventing one.
    ApiBody({ required: false, description: 'None: the path names the dead letter; a body is ignored.', schema: { type: 'object' } }),
    ApiAcceptedResponse({ description: 'Published again.', schema: REPLAY_RECEIPT }),
    ApiError(404, 'No such dead letter.'),
    ApiError(409, 'Not from NATS (an HTTP intake body or a DC-09 frame): its sender must resend it.'),
  );

import { BadRequestException, InternalServerErrorException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { outcomeOfError } from './outcome-of-error';

describe('outcomeOfError', () => {
  it.each([
    ['a dependency down', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), { kind: 'unavailable', dependency: 'postgres', reason: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    ['a guard refusing', new RpcException('Forbidden resource'), { kind: 'reject', reason: 'refused: Forbidden resource' }],
    ['a pipe refusing the payload', new BadRequestException('body is not JSON'), { kind: 'reject', reason: 'invalid: body is not JSON' }],
    ['a validation pipe listing issues', new BadRequestException(['a is missing', 'b is not a number']), { kind: 'reject', reason: 'invalid: a is missing; b is not a number' }],
    ['a server-side HTTP error', new InternalServerErrorException('peer broke'), { kind: 'retry', reason: 'handler failed: peer broke' }],
    ['any other error', new Error('boom'), { kind: 'retry', reason: 'handler failed: boom' }],
    ['Nest\'s opaque error value', { status: 'error', message: 'Internal server error' }, { kind: 'retry', reason: 'handler failed: Internal server error' }],
    ['a thrown string', 'oops', { kind: 'retry', reason: 'handler failed: oops' }],
  ])('%s', (_case, error, expected) => {
    expect(outcomeOfError(error)).toEqual(expected);
  });
});

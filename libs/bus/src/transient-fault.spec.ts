import { NatsError } from 'nats';
import { transientFaultOf } from './transient-fault';

function withCode(message: string, code: string, name = 'Error'): Error {
  return Object.assign(new Error(message), { code, name });
}

describe('transientFaultOf', () => {
  it.each([
    ['pg refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'postgres'],
    ['pg reset', withCode('read ECONNRESET', 'ECONNRESET'), 'postgres'],
    ['pg timed out', withCode('connect ETIMEDOUT 10.0.0.5:5432', 'ETIMEDOUT'), 'postgres'],
    ['socket cut mid-query', new Error('Connection terminated unexpectedly'), 'postgres'],
    ['pool could not connect in time', new Error('timeout exceeded when trying to connect'), 'postgres'],
    ['SQLSTATE 08006 connection failure', withCode('connection failure', '08006'), 'postgres'],
    ['SQLSTATE 08001 cannot connect', withCode('could not connect', '08001'), 'postgres'],
    ['admin shutdown 57P01', withCode('terminating connection due to administrator command', '57P01'), 'postgres'],
    ['crash shutdown 57P02', withCode('terminating connection due to crash', '57P02'), 'postgres'],
    ['starting up 57P03', withCode('the database system is starting up', '57P03'), 'postgres'],
    ['too many connections 53300', withCode('sorry, too many clients already', '53300'), 'postgres'],
    ['TypeORM QueryFailedError wrapping 57P01', Object.assign(new Error('query failed'), { driverError: withCode('terminating', '57P01') }), 'postgres'],
    ['error with a transient cause', new Error('take call failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }), 'postgres'],
    ['NATS publish timeout', new NatsError('TIMEOUT', 'TIMEOUT'), 'nats'],
    ['NATS connection closed', new NatsError('CONNECTION_CLOSED', 'CONNECTION_CLOSED'), 'nats'],
    ['NATS draining', new NatsError('CONNECTION_DRAINING', 'CONNECTION_DRAINING'), 'nats'],
    ['NATS no responders (stream not there)', new NatsError('503', '503'), 'nats'],
  ])('%s → waits for %s', (_label, error, dependency) => {
    expect(transientFaultOf(error)).toEqual({ dependency, reason: expect.any(String) });
  });

  it.each([
    ['unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['check violation', withCode('new row violates check constraint', '23514')],
    ['syntax error', withCode('syntax error at or near', '42601')],
    ['NATS bad payload', new NatsError('BAD_JSON', 'BAD_JSON')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'text')")],
    ['not an error at all', 'boom'],
    ['nothing', undefined],
  ])('%s → a fault of the message', (_label, error) => {
    expect(transientFaultOf(error)).toBeNull();
  });
});

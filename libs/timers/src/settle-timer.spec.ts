import { settleTimer } from './settle-timer';
import { TimerResult } from './timer-outcome';

describe('settleTimer', () => {
  it.each([
    ['done', { outcome: TimerResult.done('paired') }, 1, 5, { action: 'complete', reason: 'paired' }],
    ['done on the last attempt', { outcome: TimerResult.done() }, 5, 5, { action: 'complete', reason: 'fired' }],
    ['retry', { outcome: TimerResult.retry('peer-timeout') }, 1, 5, { action: 'retry', reason: 'peer-timeout' }],
    ['retry on the last attempt', { outcome: TimerResult.retry('peer-timeout') }, 5, 5, { action: 'keep', reason: 'attempts-exhausted: peer-timeout' }],
    ['give up on the first attempt', { outcome: TimerResult.giveUp('unknown-incident') }, 1, 5, { action: 'keep', reason: 'gave-up: unknown-incident' }],
    ['a throw', { thrown: new Error('connection refused') }, 2, 5, { action: 'retry', reason: 'threw: connection refused' }],
    ['a throw of a non-error', { thrown: 'boom' }, 1, 5, { action: 'retry', reason: 'threw: boom' }],
    ['a throw on the last attempt', { thrown: new Error('connection refused') }, 5, 5, { action: 'keep', reason: 'attempts-exhausted: connection refused' }],
  ] as const)('%s', (_, result, attempt, maxAttempts, settlement) => {
    expect(settleTimer(result, attempt, maxAttempts)).toEqual(settlement);
  });
});

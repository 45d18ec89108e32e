import { of, throwError } from 'rxjs';
import { Outcome } from '../handler-outcome';
import { outcomeOfResult, outcomesOfBatchResult } from './outcome-of-result';

describe('outcomeOfResult', () => {
  it.each([
    ['an outcome', Outcome.done('x'), Outcome.done('x')],
    ['a promised outcome', Promise.resolve(Outcome.reject('bad')), Outcome.reject('bad')],
    ['a promised Observable of an outcome (interceptors)', Promise.resolve(of(Outcome.done('y'))), Outcome.done('y')],
    ['an erroring Observable', Promise.resolve(throwError(() => new Error('boom'))), Outcome.retry('handler failed: boom')],
    ['a rejected promise', Promise.reject(new Error('late boom')), Outcome.retry('handler failed: late boom')],
    ['nothing', Promise.resolve(undefined), Outcome.retry('handler returned no outcome (got undefined)')],
    ['something else', of({ ok: true }), Outcome.retry('handler returned no outcome (got {"ok":true})')],
  ])('%s', async (_case, result, expected) => {
    expect(await outcomeOfResult(result)).toEqual(expected);
  });

  describe('for a batch', () => {
    it.each([
      ['one outcome per message', Promise.resolve([Outcome.done(), Outcome.reject('bad')]), [Outcome.done(), Outcome.reject('bad')]],
      ['one outcome from a filter (the handler\'s error)', of(Outcome.unavailable('postgres', 'down')), [Outcome.unavailable('postgres', 'down'), Outcome.unavailable('postgres', 'down')]],
      ['an erroring Observable', throwError(() => new Error('boom')), [Outcome.retry('handler failed: boom'), Outcome.retry('handler failed: boom')]],
      ['too few outcomes', Promise.resolve([Outcome.done()]), [Outcome.retry('batch handler returned no outcome per message (got [{"kind":"done","reason":"processed"}] for 2 messages)'), Outcome.retry('batch handler returned no outcome per message (got [{"kind":"done","reason":"processed"}] for 2 messages)')]],
    ])('%s', async (_case, result, expected) => {
      expect(await outcomesOfBatchResult(result, 2)).toEqual(expected);
    });
  });
});

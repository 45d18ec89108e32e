import { of, throwError } from 'rxjs';
import { Outcome } from '../handler-outcome';
import { outcomeOfResult } from './outcome-of-result';

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
});

import { supervisionPolicy } from './supervision-policy';

describe('supervisionPolicy', () => {
  it.each([
    ['townlink', 30, { lateAfterSeconds: 60, downAfterSeconds: 150 }],
    ['airwave', 10, { lateAfterSeconds: 20, downAfterSeconds: 50 }],
    ['alarm', 3600, { lateAfterSeconds: 3600, downAfterSeconds: null }],
    ['alarm', null, null],
    ['townlink', null, null],
  ])('%s with interval %s → %o', (kind, interval, policy) => {
    expect(supervisionPolicy(kind, interval)).toEqual(policy);
  });
});

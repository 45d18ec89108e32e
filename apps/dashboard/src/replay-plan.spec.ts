import { planReplay, ReplayPlan } from './replay-plan';

describe('planReplay', () => {
  it.each<[string, number, { firstSeq: number; lastSeq: number }, number, ReplayPlan]>([
    ['a client at the end of the stream', 40, { firstSeq: 1, lastSeq: 40 }, 100, { kind: 'up-to-date' }],
    ['a new client on an empty stream', 0, { firstSeq: 1, lastSeq: 0 }, 100, { kind: 'up-to-date' }],
    ['a new client on a short stream', 0, { firstSeq: 1, lastSeq: 40 }, 100, { kind: 'replay', fromSeq: 1, toSeq: 40 }],
    ['a client that missed a few', 35, { firstSeq: 1, lastSeq: 40 }, 100, { kind: 'replay', fromSeq: 36, toSeq: 40 }],
    ['a client that missed exactly the limit', 0, { firstSeq: 1, lastSeq: 100 }, 100, { kind: 'replay', fromSeq: 1, toSeq: 100 }],
    ['a client that missed more than the old cap of 1,000', 10, { firstSeq: 1, lastSeq: 1_210 }, 5_000, { kind: 'replay', fromSeq: 11, toSeq: 1_210 }],
    ['a client whose next message is the first the stream still holds', 9, { firstSeq: 10, lastSeq: 40 }, 100, { kind: 'replay', fromSeq: 10, toSeq: 40 }],
    ['a client that missed one more than the limit', 0, { firstSeq: 1, lastSeq: 101 }, 100, { kind: 'snapshot-required', reason: 'gap-over-limit', resumeFrom: 101, missed: 101 }],
    ['a client whose missed messages aged out', 5, { firstSeq: 10, lastSeq: 40 }, 100, { kind: 'snapshot-required', reason: 'position-expired', resumeFrom: 40, missed: 35 }],
    ['a new client on a stream that no longer starts at 1', 0, { firstSeq: 3, lastSeq: 40 }, 100, { kind: 'snapshot-required', reason: 'position-expired', resumeFrom: 40, missed: 40 }],
    ['a client ahead of a recreated stream', 500, { firstSeq: 1, lastSeq: 40 }, 100, { kind: 'snapshot-required', reason: 'position-unknown', resumeFrom: 40, missed: 0 }],
    ['a client of a purged stream', 40, { firstSeq: 41, lastSeq: 40 }, 100, { kind: 'up-to-date' }],
  ])('%s', (_, afterSeq, stream, limit, expected) => {
    expect(planReplay(afterSeq, stream, limit)).toEqual(expected);
  });
});

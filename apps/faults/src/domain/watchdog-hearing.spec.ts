import { JudgementTime, judgementTime, WatchdogHearing } from './watchdog-hearing';

const interval = 30_000;
const now = 1_000_000;

describe('judgementTime (heartbeats every 30 s)', () => {
  it.each<[string, WatchdogHearing, JudgementTime]>([
    ['still replaying the stream', { caughtUp: false, behind: false, lastBatchAt: now }, { judge: false, reason: 'replaying' }],
    ['reading a backlog', { caughtUp: true, behind: true, lastBatchAt: now }, { judge: false, reason: 'behind' }],
    ['nothing heard yet', { caughtUp: true, behind: false, lastBatchAt: null }, { judge: false, reason: 'nothing-heard' }],
    ['hearing the stream', { caughtUp: true, behind: false, lastBatchAt: now - 200 }, { judge: true, at: now, reason: 'hearing' }],
    ['last batch exactly an interval ago', { caughtUp: true, behind: false, lastBatchAt: now - interval }, { judge: true, at: now, reason: 'hearing' }],
    ['the whole stream silent for longer', { caughtUp: true, behind: false, lastBatchAt: now - 5 * interval }, { judge: true, at: now - 4 * interval, reason: 'stream-silent' }],
  ])('%s', (_what, hearing, expected) => {
    expect(judgementTime(hearing, now, interval)).toEqual(expected);
  });
});

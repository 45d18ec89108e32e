import { FeedWatchdog, WatchedFeed } from './feed-watchdog';

const TIMING = { checkEveryMs: 2_000, stallAfterMs: 6_000 };

/** A stream whose last sequence the test sets, and a record of every resubscription asked for. */
class FakeFeed implements WatchedFeed {
  lastSeq = 0;
  readable = true;
  failResubscribe = false;
  readonly resubscribedFrom: number[] = [];

  async streamLastSeq(): Promise<number> {
    if (!this.readable) throw new Error('TIMEOUT');
    return this.lastSeq;
  }

  async resubscribe(fromSeq: number): Promise<void> {
    this.resubscribedFrom.push(fromSeq);
    if (this.failResubscribe) throw new Error('consumer create timed out');
  }
}

describe('FeedWatchdog', () => {
  let now: number;
  let feed: FakeFeed;
  const logger = { warn: jest.fn(), error: jest.fn() };
  const watchdogAfter = (startAfterSeq: number) => new FeedWatchdog(feed, startAfterSeq, TIMING, logger, () => now);

  beforeEach(() => {
    now = 1_000_000;
    feed = new FakeFeed();
    jest.clearAllMocks();
  });

  it('resubscribes a feed that stopped while the stream grew from the sequence after the last one it saw, once', async () => {
    feed.lastSeq = 10;
    const watchdog = watchdogAfter(10);
    watchdog.saw(11);
    watchdog.saw(12);
    feed.lastSeq = 40;
    now += 5_999;
    expect((await watchdog.check())?.verdict).toBe('catching-up');
    now += 1;
    expect(await watchdog.check()).toEqual({ verdict: 'stalled', behind: 28, idleMs: 6_000 });
    expect(feed.resubscribedFrom).toEqual([13]);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'feed stalled; resubscribing', streamLastSeq: 40, feedLastSeq: 12, fromSeq: 13 }));
    // The fresh subscription gets the full limit before it is judged.
    now += 2_000;
    expect((await watchdog.check())?.verdict).toBe('catching-up');
    expect(feed.resubscribedFrom).toEqual([13]);
  });

  it('leaves a feed alone that was level with a quiet stream when the next event lands', async () => {
    feed.lastSeq = 5;
    const watchdog = watchdogAfter(5);
    for (let i = 0; i < 1_800; i += 1) {
      now += TIMING.checkEveryMs;
      expect((await watchdog.check())?.verdict).toBe('caught-up');
    }
    feed.lastSeq = 6;
    now += 10;
    expect((await watchdog.check())?.verdict).toBe('catching-up');
    expect(feed.resubscribedFrom).toEqual([]);
  });

  it('counts only messages past its position as progress, not late copies from a dropped subscription', async () => {
    const watchdog = watchdogAfter(0);
    watchdog.saw(3);
    feed.lastSeq = 9;
    now += 5_000;
    watchdog.saw(2);
    now += 1_000;
    expect((await watchdog.check())?.verdict).toBe('stalled');
    expect(feed.resubscribedFrom).toEqual([4]);
  });

  it('tries again at the next check when resubscribing fails', async () => {
    feed.lastSeq = 3;
    feed.failResubscribe = true;
    const watchdog = watchdogAfter(0);
    now += TIMING.stallAfterMs;
    expect((await watchdog.check())?.verdict).toBe('stalled');
    feed.failResubscribe = false;
    now += TIMING.checkEveryMs;
    expect((await watchdog.check())?.verdict).toBe('stalled');
    expect(feed.resubscribedFrom).toEqual([1, 1]);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('judges nothing while the stream position cannot be read, and nothing once stopped', async () => {
    feed.lastSeq = 3;
    feed.readable = false;
    const watchdog = watchdogAfter(0);
    now += 60_000;
    expect(await watchdog.check()).toBeUndefined();
    feed.readable = true;
    watchdog.stop();
    expect(await watchdog.check()).toBeUndefined();
    expect(feed.resubscribedFrom).toEqual([]);
  });
});

import { FeedVerdict, judgeFeed } from './feed-health';

const NOW = 1_000_000;
const STALL_AFTER_MS = 6_000;

describe('judgeFeed', () => {
  it.each<[string, number, number, number, FeedVerdict, number]>([
    ['level with the stream, long quiet', 40, 40, NOW - 3_600_000, 'caught-up', 0],
    ['ahead of a stream that was purged or recreated', 3, 40, NOW - 60_000, 'caught-up', 0],
    ['behind, moved on just now', 45, 40, NOW, 'catching-up', 5],
    ['behind, moved on within the limit', 300, 40, NOW - 5_999, 'catching-up', 260],
    ['behind, idle exactly the limit', 41, 40, NOW - 6_000, 'stalled', 1],
    ['behind, never received anything since subscribing', 300, 0, NOW - 30_000, 'stalled', 300],
    ['behind, progress stamped after now (clock stepped back)', 45, 40, NOW + 2_000, 'catching-up', 5],
  ])('%s', (_case, streamLastSeq, feedLastSeq, lastProgressAt, verdict, behind) => {
    const health = judgeFeed({ streamLastSeq, feedLastSeq, lastProgressAt }, NOW, STALL_AFTER_MS);
    expect(health).toEqual({ verdict, behind, idleMs: Math.max(0, NOW - lastProgressAt) });
  });
});

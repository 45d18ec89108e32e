import { Logger } from '@nestjs/common';
import { decisions } from '@vigil/observability';
import { FeedHealth, judgeFeed } from './feed-health';

/** What the watchdog needs of the feed it guards. */
export interface WatchedFeed {
  /** Last sequence stored in the stream the feed reads. */
  streamLastSeq(): Promise<number>;
  /** Subscribes afresh from `fromSeq` and drops the stalled subscription. */
  resubscribe(fromSeq: number): Promise<void>;
}

/** How often the watchdog looks, and how long a feed may stay behind without moving before it is resubscribed. */
export interface WatchdogTiming {
  checkEveryMs: number;
  stallAfterMs: number;
}

/**
 * Keeps a live feed moving while its stream grows. The client library repairs its ordered
 * consumer only when the server answers that the consumer is gone; when the one server holding
 * it dies, every question about it times out instead, and the feed stops with no error at all.
 * So the watchdog judges by the only numbers that cannot lie, the stream's last sequence and the
 * feed's, and resubscribes from the feed's next sequence: nothing is skipped.
 */
export class FeedWatchdog {
  private lastSeq: number;
  private lastProgressAt: number;
  private timer?: NodeJS.Timeout;
  private checking = false;
  private stopped = false;

  constructor(
    private readonly feed: WatchedFeed,
    /** The feed's position when it first subscribes: it reads from the next sequence. */
    startAfterSeq: number,
    private readonly timing: WatchdogTiming,
    private readonly logger: Pick<Logger, 'warn' | 'error'> = new Logger('FeedWatchdog'),
    private readonly now: () => number = Date.now,
  ) {
    this.lastSeq = startAfterSeq;
    this.lastProgressAt = now();
  }

  /** The sequence the feed would read next. */
  get nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** Records a message the feed received (late copies from a dropped subscription change nothing). */
  saw(streamSeq: number): void {
    if (streamSeq <= this.lastSeq) return;
    this.lastSeq = streamSeq;
    this.lastProgressAt = this.now();
  }

  /** Checks every `checkEveryMs` until stopped; the timer does not keep the process alive. */
  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.timing.checkEveryMs).unref();
  }

  /** Stops checking; a check already running resubscribes nothing more. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check, resubscribing a stalled feed; undefined when skipped (a check still running, stopped, or the stream's position unknown). */
  async check(): Promise<FeedHealth | undefined> {
    if (this.checking || this.stopped) return undefined;
    this.checking = true;
    try {
      const streamLastSeq = await this.feed.streamLastSeq().catch((error: Error) => {
        // NATS itself unreachable: the connection's own reconnect reports that; judge on the next check.
        this.logger.warn({ msg: 'feed watchdog cannot read the stream position', error: error.message });
        return undefined;
      });
      if (streamLastSeq === undefined || this.stopped) return undefined;
      const health = judgeFeed({ streamLastSeq, feedLastSeq: this.lastSeq, lastProgressAt: this.lastProgressAt }, this.now(), this.timing.stallAfterMs);
      decisions.inc({ app: 'dashboard', decision: 'feed-health', reason: health.verdict });
      // Level with the stream counts as progress: whatever is stored next has waited at most since now.
      if (health.verdict === 'caught-up') this.lastProgressAt = this.now();
      if (health.verdict === 'stalled') await this.resubscribe(health, streamLastSeq);
      return health;
    } finally {
      this.checking = false;
    }
  }

  private async resubscribe(health: FeedHealth, streamLastSeq: number): Promise<void> {
    const fromSeq = this.nextSeq;
    this.logger.warn({ msg: 'feed stalled; resubscribing', reason: health.verdict, streamLastSeq, feedLastSeq: this.lastSeq, behind: health.behind, idleMs: health.idleMs, fromSeq });
    try {
      await this.feed.resubscribe(fromSeq);
      this.lastProgressAt = this.now();
    } catch (error) {
      // Still stalled, so the next check tries again.
      this.logger.error({ msg: 'could not resubscribe the feed', fromSeq, error: (error as Error).message });
    }
  }
}

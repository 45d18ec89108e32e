import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { BusConnection, decodeEvent, LatestVersions, passesOn } from '@vigil/bus';
import { Envelope } from '@vigil/contracts';
import { consumeWithin } from './bounded-consume';
import { logFeedStatus } from './feed-status-log';
import { FeedWatchdog, WatchdogTiming } from './feed-watchdog';
import { planReplay, ReplayPlan } from './replay-plan';

/** Receives each event the feed passes on, with its stream position. */
export type FeedListener<E> = (event: E) => void;

/** Which versioned aggregate an event is about: the feed passes on each version of it once. */
export interface AggregateVersion {
  /** Unique across every aggregate the stream carries (`ticket:…`, `camera:…`). */
  id: string;
  version: number;
}

/** What a feed reads and how it turns a stored message into something to push. */
export interface StreamFeedSource<E> {
  /** Name for logs: `incident feed`, `ticket feed`. */
  label: string;
  /** The stream's declared (un-namespaced) name. */
  stream: string;
  /**
   * The subject the stream holds, or undefined to read a stream of several (FAULTS holds tickets
   * and cameras; the server allows one filter per consumer). Never a part of the stream: the
   * watchdog compares the feed's position with the stream's last sequence, so a feed that skipped
   * part of its stream would look stalled whenever the skipped part grew.
   */
  filterSubject?: string;
  /** The push of a decoded envelope, or undefined for a type that is not pushed. */
  toEvent(envelope: Envelope, streamSeq: number): E | undefined;
  /** The aggregate and version the event carries. */
  versionOf(event: E): AggregateVersion;
  /**
   * Whether the dashboard's start waits for the stream. A feed the pages cannot do without
   * (incidents) does; one whose producer may be deployed later (faults) starts when the stream appears.
   */
  startup: 'waits-for-stream' | 'follows-when-provisioned';
}

/** Aggregates whose newest version one replica remembers; older ones are still dropped by the page. */
const REMEMBERED_AGGREGATES = 50_000;
/** Messages pulled from the stream at a time during a replay. */
const REPLAY_PAGE = 500;
/**
 * A healthy feed that is behind receives within milliseconds (a pull is always waiting at the
 * server), so several seconds without a message while the stream grew means it has stopped.
 */
const WATCHDOG: WatchdogTiming = { checkEveryMs: 2_000, stallAfterMs: 6_000 };
/** Pause before asking again for a stream whose wait gave up. */
const RETRY_START_MS = 5_000;
/** Longer than one JetStream API timeout (5 s), shorter than the library's retry of the same consumer name. */
const SUBSCRIBE_WITHIN_MS = 7_000;

/**
 * This replica's view of one stream of versioned events. Every dashboard replica reads the whole
 * stream through its own ordered consumer (nothing to share: each fans out to its own sockets),
 * and a reconnecting client is replayed from the stream, not from memory. An event whose aggregate
 * version is not newer than one already passed on (a republish, a late copy) goes nowhere.
 */
export class StreamFeed<E> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private readonly listeners = new Set<FeedListener<E>>();
  private readonly latest = new LatestVersions(REMEMBERED_AGGREGATES);
  private live?: ConsumerMessages;
  private watchdog?: FeedWatchdog;
  private stopped = false;

  constructor(
    private readonly bus: BusConnection,
    private readonly replayLimit: number,
    private readonly source: StreamFeedSource<E>,
  ) {
    this.logger = new Logger(source.label);
  }

  /** Calls the listener for every event from now on. */
  subscribe(listener: FeedListener<E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.source.startup === 'waits-for-stream') return this.start();
    void this.startWhenProvisioned();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.watchdog?.stop();
    await this.live?.close();
  }

  private async startWhenProvisioned(): Promise<void> {
    while (!this.stopped) {
      try {
        return await this.start();
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn({ msg: `${this.source.label} is still waiting for its stream`, error: (error as Error).message });
        // A connection that fails at once must not spin.
        await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS).unref());
      }
    }
  }

  private async start(): Promise<void> {
    await this.bus.waitForStream(this.source.stream);
    if (this.stopped) return;
    // From the stream's end as it is now: the page loads older records from their owner's API. A start
    // sequence rather than "new", so that what lands between this read and the subscription is sent too.
    this.watchdog = new FeedWatchdog(
      { streamLastSeq: () => this.streamLastSeq(), resubscribe: (fromSeq) => this.follow(fromSeq) },
      await this.streamLastSeq(),
      WATCHDOG,
      this.logger,
    );
    this.watchdog.start();
    // Not fatal: the watchdog subscribes again once the stream has moved on without the feed.
    await this.follow(this.watchdog.nextSeq).catch((error: Error) =>
      this.logger.error({ msg: `${this.source.label} could not subscribe; the watchdog retries`, error: error.message }),
    );
  }

  /**
   * Sends `send` every event stored after `afterSeq`, oldest first, a page at a time, each
   * version once; or, when that is more than the replay limit or no longer in the stream, sends
   * nothing and says a snapshot is required.
   */
  async replay(afterSeq: number, send: FeedListener<E>): Promise<ReplayPlan> {
    const { state } = await (await this.bus.js.streams.get(this.stream)).info();
    const plan = planReplay(afterSeq, { firstSeq: state.first_seq, lastSeq: state.last_seq }, this.replayLimit);
    if (plan.kind !== 'replay') return plan;
    const consumer = await this.bus.js.consumers.get(this.stream, { ...this.filter(), deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: plan.fromSeq });
    // Bounded by the replay limit: the versions this one replay has sent.
    const sent = new LatestVersions(this.replayLimit);
    const messages = await consumer.consume({ max_messages: REPLAY_PAGE });
    try {
      for await (const msg of messages) {
        const event = this.toPush(msg);
        if (event) {
          const { id, version } = this.source.versionOf(event);
          if (passesOn(sent.offer(id, version))) send(event);
        }
        // pending 0: the last message was removed since the plan was made; nothing more will come.
        if (msg.seq >= plan.toSeq || msg.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
    return plan;
  }

  private get stream(): string {
    return this.bus.ns.stream(this.source.stream);
  }

  private filter(): { filterSubjects?: string } {
    const subject = this.source.filterSubject;
    return subject === undefined ? {} : { filterSubjects: this.bus.ns.subject(subject) };
  }

  private async streamLastSeq(): Promise<number> {
    return (await (await this.bus.js.streams.get(this.stream)).info()).state.last_seq;
  }

  /** Subscribes from `fromSeq` through a fresh ordered consumer, then drops the previous subscription. */
  private async follow(fromSeq: number): Promise<void> {
    const consumer = await this.bus.js.consumers.get(this.stream, { ...this.filter(), deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromSeq });
    // Short pulls: a pull expiring every 5 s (heartbeats every 2.5 s) makes a lost consumer show
    // in the status log within seconds; the watchdog, not the library, decides to resubscribe.
    const messages = await consumeWithin(consumer, { expires: 5_000 }, SUBSCRIBE_WITHIN_MS);
    const previous = this.live;
    this.live = messages;
    void logFeedStatus(messages, this.logger).catch((error: Error) => this.logger.debug({ msg: `${this.source.label} status log ended`, error: error.message }));
    void this.pump(messages).catch((error: Error) =>
      this.logger.error({ msg: `${this.source.label} subscription ended; the watchdog resubscribes once the stream moves on`, error: error.message }),
    );
    // Messages it still delivers are dropped by version; closing waits for no server.
    await previous?.close();
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      this.watchdog?.saw(msg.seq);
      const event = this.toPush(msg);
      if (!event) continue;
      const { id, version } = this.source.versionOf(event);
      const decision = this.latest.offer(id, version);
      if (!passesOn(decision)) {
        this.logger.debug({ msg: 'dropped event', decision, aggregate: id, version, streamSeq: msg.seq });
        continue;
      }
      for (const listener of this.listeners) listener(event);
    }
  }

  private toPush(msg: JsMsg): E | undefined {
    const decoded = decodeEvent(msg.data);
    if (!decoded.ok) {
      this.logger.warn({ msg: 'skipping undecodable event', streamSeq: msg.seq, reason: decoded.reason });
      return undefined;
    }
    return this.source.toEvent(decoded.envelope, msg.seq);
  }
}

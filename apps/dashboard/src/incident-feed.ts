import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { BusConnection, decodeEvent, LatestVersions, passesOn, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { consumeWithin } from './bounded-consume';
import { DASHBOARD_OPTIONS, DashboardOptions } from './dashboard.options';
import { FeedEvent, toFeedEvent } from './feed-event';
import { logFeedStatus } from './feed-status-log';
import { FeedWatchdog, WatchdogTiming } from './feed-watchdog';
import { planReplay, ReplayPlan } from './replay-plan';

/** Receives each incident event (opened or changed) with its stream position. */
export type IncidentListener = (event: FeedEvent) => void;

/** Incidents whose newest version this replica remembers; older ones are still dropped by the page. */
const REMEMBERED_INCIDENTS = 50_000;
/** Messages pulled from the stream at a time during a replay. */
const REPLAY_PAGE = 500;
/**
 * A healthy feed that is behind receives within milliseconds (a pull is always waiting at the
 * server), so several seconds without a message while the stream grew means it has stopped.
 */
const WATCHDOG: WatchdogTiming = { checkEveryMs: 2_000, stallAfterMs: 6_000 };
/** Longer than one JetStream API timeout (5 s), shorter than the library's retry of the same consumer name. */
const SUBSCRIBE_WITHIN_MS = 7_000;

/**
 * This replica's view of the incident stream. Every dashboard replica reads the whole stream
 * through its own ordered consumer (nothing to share: each fans out to its own sockets), and a
 * reconnecting client is replayed from the stream, not from memory. An event whose incident
 * version is not newer than one already passed on (a republish, a late copy) goes nowhere.
 */
@Injectable()
export class IncidentFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IncidentFeed');
  private readonly listeners = new Set<IncidentListener>();
  private readonly latest = new LatestVersions(REMEMBERED_INCIDENTS);
  private live?: ConsumerMessages;
  private watchdog?: FeedWatchdog;

  constructor(
    private readonly bus: BusConnection,
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
  ) {}

  /** Calls the listener for every incident from now on. */
  subscribe(listener: IncidentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.waitForStream(STREAMS.incidents.name);
    // From the stream's end as it is now: the page loads older incidents from triage's API. A start
    // sequence rather than "new", so that what lands between this read and the subscription is sent too.
    this.watchdog = new FeedWatchdog(
      { streamLastSeq: () => this.streamLastSeq(), resubscribe: (fromSeq) => this.follow(fromSeq) },
      await this.streamLastSeq(),
      WATCHDOG,
    );
    this.watchdog.start();
    // Not fatal: the watchdog subscribes again once the stream has moved on without the feed.
    await this.follow(this.watchdog.nextSeq).catch((error: Error) =>
      this.logger.error({ msg: 'incident feed could not subscribe; the watchdog retries', error: error.message }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.watchdog?.stop();
    await this.live?.close();
  }

  /**
   * Sends `send` every incident stored after `afterSeq`, oldest first, a page at a time, each
   * version once; or, when that is more than the replay limit or no longer in the stream, sends
   * nothing and says a snapshot is required.
   */
  async replay(afterSeq: number, send: IncidentListener): Promise<ReplayPlan> {
    const { state } = await (await this.bus.js.streams.get(this.stream)).info();
    const plan = planReplay(afterSeq, { firstSeq: state.first_seq, lastSeq: state.last_seq }, this.options.replayLimit);
    if (plan.kind !== 'replay') return plan;
    const consumer = await this.bus.js.consumers.get(this.stream, {
      filterSubjects: this.bus.ns.subject(SUBJECTS.incidents),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: plan.fromSeq,
    });
    // Bounded by the replay limit: the versions this one replay has sent.
    const sent = new LatestVersions(this.options.replayLimit);
    const messages = await consumer.consume({ max_messages: REPLAY_PAGE });
    try {
      for await (const msg of messages) {
        const event = this.toPush(msg);
        if (event && passesOn(sent.offer(event.incident.incidentId, event.incident.version))) send(event);
        // pending 0: the last message was removed since the plan was made; nothing more will come.
        if (msg.seq >= plan.toSeq || msg.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
    return plan;
  }

  private get stream(): string {
    return this.bus.ns.stream(STREAMS.incidents.name);
  }

  /** The stream holds incident events only, so its last sequence is the last one the feed could receive. */
  private async streamLastSeq(): Promise<number> {
    return (await (await this.bus.js.streams.get(this.stream)).info()).state.last_seq;
  }

  /** Subscribes from `fromSeq` through a fresh ordered consumer, then drops the previous subscription. */
  private async follow(fromSeq: number): Promise<void> {
    const consumer = await this.bus.js.consumers.get(this.stream, {
      filterSubjects: this.bus.ns.subject(SUBJECTS.incidents),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: fromSeq,
    });
    // Short pulls: a pull expiring every 5 s (heartbeats every 2.5 s) makes a lost consumer show
    // in the status log within seconds; the watchdog, not the library, decides to resubscribe.
    const messages = await consumeWithin(consumer, { expires: 5_000 }, SUBSCRIBE_WITHIN_MS);
    const previous = this.live;
    this.live = messages;
    void logFeedStatus(messages, this.logger).catch((error: Error) => this.logger.debug({ msg: 'incident feed status log ended', error: error.message }));
    void this.pump(messages).catch((error: Error) =>
      this.logger.error({ msg: 'incident feed subscription ended; the watchdog resubscribes once the stream moves on', error: error.message }),
    );
    // Messages it still delivers are dropped by version; closing waits for no server.
    await previous?.close();
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      this.watchdog?.saw(msg.seq);
      const event = this.toPush(msg);
      if (!event) continue;
      const { incident } = event;
      const decision = this.latest.offer(incident.incidentId, incident.version);
      if (!passesOn(decision)) {
        this.logger.debug({ msg: 'dropped incident event', decision, incidentId: incident.incidentId, version: incident.version, streamSeq: msg.seq });
        continue;
      }
      for (const listener of this.listeners) listener(event);
    }
  }

  private toPush(msg: JsMsg): FeedEvent | undefined {
    const decoded = decodeEvent(msg.data);
    if (!decoded.ok) {
      this.logger.warn({ msg: 'skipping undecodable incident event', streamSeq: msg.seq, reason: decoded.reason });
      return undefined;
    }
    return toFeedEvent(decoded.envelope, msg.seq);
  }
}

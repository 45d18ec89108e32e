import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { BusConnection, decodeEvent, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { DASHBOARD_OPTIONS, DashboardOptions } from './dashboard.options';
import { FeedEvent, toFeedEvent } from './feed-event';
import { LatestVersions, passesOn } from './latest-versions';
import { planReplay, ReplayPlan } from './replay-plan';

/** Receives each incident event (opened or changed) with its stream position. */
export type IncidentListener = (event: FeedEvent) => void;

/** Incidents whose newest version this replica remembers; older ones are still dropped by the page. */
const REMEMBERED_INCIDENTS = 50_000;
/** Messages pulled from the stream at a time during a replay. */
const REPLAY_PAGE = 500;

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
    const consumer = await this.bus.js.consumers.get(this.stream, {
      filterSubjects: this.bus.ns.subject(SUBJECTS.incidents),
      deliver_policy: DeliverPolicy.New,
    });
    // Short pulls: when the NATS server holding this ordered consumer dies, nats.js notices at the
    // next pull's expiry and rebuilds it; with the default (two missed 15 s heartbeats) pushes pause ~30 s.
    this.live = await consumer.consume({ expires: 5_000 });
    void this.pump(this.live).catch((error: Error) => this.logger.error({ msg: 'incident feed stopped', error: error.message }));
  }

  async onModuleDestroy(): Promise<void> {
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

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
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

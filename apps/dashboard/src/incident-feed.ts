import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { BusConnection, decodeEvent, STREAMS } from '@vigil/bus';
import { Incident, IncidentPush, SUBJECTS } from '@vigil/contracts';

/** Receives each incident event with its stream position. */
export type IncidentListener = (incident: IncidentPush) => void;

const MAX_REPLAY = 1_000;

/**
 * This replica's view of the incident stream. Every dashboard replica reads the whole stream
 * through its own ordered consumer (nothing to share: each fans out to its own sockets), and a
 * reconnecting client is replayed from the stream, not from memory.
 */
@Injectable()
export class IncidentFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IncidentFeed');
  private readonly listeners = new Set<IncidentListener>();
  private live?: ConsumerMessages;

  constructor(private readonly bus: BusConnection) {}

  /** Calls the listener for every incident from now on. */
  subscribe(listener: IncidentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    const consumer = await this.bus.js.consumers.get(this.stream, {
      filterSubjects: this.bus.ns.subject(SUBJECTS.incidents),
      deliver_policy: DeliverPolicy.New,
    });
    this.live = await consumer.consume();
    void this.pump(this.live).catch((error: Error) => this.logger.error({ msg: 'incident feed stopped', error: error.message }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.live?.close();
  }

  /** The incidents stored after `afterSeq`, oldest first, at most {@link MAX_REPLAY}. */
  async replay(afterSeq: number): Promise<IncidentPush[]> {
    const info = await (await this.bus.js.streams.get(this.stream)).info();
    const lastSeq = info.state.last_seq;
    if (lastSeq <= afterSeq) return [];
    const startSeq = Math.max(afterSeq + 1, lastSeq - MAX_REPLAY + 1, info.state.first_seq);
    const consumer = await this.bus.js.consumers.get(this.stream, {
      filterSubjects: this.bus.ns.subject(SUBJECTS.incidents),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: startSeq,
    });
    const replayed: IncidentPush[] = [];
    const messages = await consumer.fetch({ max_messages: lastSeq - startSeq + 1, expires: 2_000 });
    for await (const msg of messages) {
      const incident = this.toPush(msg);
      if (incident) replayed.push(incident);
      if (msg.seq >= lastSeq) break;
    }
    return replayed;
  }

  private get stream(): string {
    return this.bus.ns.stream(STREAMS.incidents.name);
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      const incident = this.toPush(msg);
      if (incident) for (const listener of this.listeners) listener(incident);
    }
  }

  private toPush(msg: JsMsg): IncidentPush | undefined {
    const decoded = decodeEvent(msg.data);
    if (!decoded.ok) {
      this.logger.warn({ msg: 'skipping undecodable incident event', streamSeq: msg.seq, reason: decoded.reason });
      return undefined;
    }
    return { ...(decoded.envelope.data as Incident), streamSeq: msg.seq };
  }
}

import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { JetStreamClient, NatsConnection } from 'nats';
import { HealthRegistry, redactUrl } from '@vigil/observability';
import { BusNamespace } from '../namespace';
import { connectToNats } from '../nats-connect';
import { provisionStreams } from '../provision';
import { StreamDeclaration } from '../topology';
import { waitForStream } from '../wait-for-stream';
import { BusOptions } from './bus.options';

/** The process's one NATS connection; drained on shutdown. Streams are provisioned by the apps that produce them. */
export class BusConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Bus');
  private connection?: NatsConnection;
  readonly ns: BusNamespace;

  constructor(private readonly options: BusOptions, private readonly health: HealthRegistry) {
    this.ns = new BusNamespace(options.namespace);
  }

  /** Connects, waiting for NATS within the start-up limit. */
  async open(): Promise<void> {
    this.connection = await connectToNats(this.options.url, this.options.clientName, {
      giveUpAfterSeconds: this.options.startupWaitSeconds,
      log: (line) => this.logger.warn({ msg: line }),
    });
    this.health.register('nats', async () => ({
      name: 'nats',
      up: !this.nc.isClosed() && this.nc.info !== undefined,
      detail: redactUrl(this.options.url),
    }));
    this.logger.log({ msg: 'connected to NATS', url: redactUrl(this.options.url), namespace: this.ns.name || '(none)' });
    void this.reportStatus(this.connection);
  }

  /** Creates or updates the streams this process produces (its producer owns a stream's settings). */
  async provisionStreams(streams: readonly StreamDeclaration[]): Promise<void> {
    // Creating a replicated stream waits for a quorum of servers; the 5 s default is short for a busy cluster.
    const jsm = await this.nc.jetstreamManager({ timeout: 15_000 });
    await provisionStreams(jsm, this.ns, streams, { replicas: this.options.streamReplicas ?? 1 });
    this.logger.log({ msg: 'streams provisioned', streams: streams.map((s) => this.ns.stream(s.name)) });
  }

  /**
   * Waits until another app's stream exists (a consumer, or a reader such as the dashboard, may start
   * before the stream's producer has ever run), saying so while it waits.
   */
  async waitForStream(streamName: string): Promise<void> {
    await waitForStream(await this.nc.jetstreamManager(), this.ns.stream(streamName), {
      giveUpAfterSeconds: this.options.startupWaitSeconds,
      log: (line) => this.logger.warn({ msg: line }),
    });
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('BusConnection used before open()');
    return this.connection;
  }

  get js(): JetStreamClient {
    return this.nc.jetstream();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) await this.connection.drain();
  }

  private async reportStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') {
        this.logger.warn({ msg: `NATS ${status.type}`, server: redactUrl(String(status.data)) });
      }
    }
  }
}

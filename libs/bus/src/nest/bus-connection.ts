import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { JetStreamClient, NatsConnection } from 'nats';
import { HealthRegistry, redactUrl } from '@vigil/observability';
import { BusNamespace } from '../namespace';
import { connectToNats } from '../nats-connect';
import { provisionStreams } from '../provision';
import { STREAMS } from '../topology';
import { BusOptions } from './bus.options';

/** The process's one NATS connection, with the streams provisioned; drained on shutdown. */
export class BusConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Bus');
  private connection?: NatsConnection;
  readonly ns: BusNamespace;

  constructor(private readonly options: BusOptions, private readonly health: HealthRegistry) {
    this.ns = new BusNamespace(options.namespace);
  }

  /** Connects and provisions the streams add-or-update; consumers are provisioned by the app that runs them. */
  async open(): Promise<void> {
    this.connection = await connectToNats(this.options.url, this.options.clientName, {
      giveUpAfterSeconds: this.options.startupWaitSeconds,
      log: (line) => this.logger.warn({ msg: line }),
    });
    // Creating a replicated stream waits for a quorum of servers; the 5 s default is short for a busy cluster.
    const jsm = await this.connection.jetstreamManager({ timeout: 15_000 });
    await provisionStreams(jsm, this.ns, Object.values(STREAMS), { replicas: this.options.streamReplicas ?? 1 });
    this.health.register('nats', async () => ({
      name: 'nats',
      up: !this.nc.isClosed() && this.nc.info !== undefined,
      detail: redactUrl(this.options.url),
    }));
    this.logger.log({ msg: 'connected to NATS, streams provisioned', url: redactUrl(this.options.url), namespace: this.ns.name || '(none)' });
    void this.reportStatus(this.connection);
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

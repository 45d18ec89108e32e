import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DeadLetterer, EventPublisher } from '@vigil/bus';
import { HealthRegistry, decisions } from '@vigil/observability';
import { BoundPorts, CachedAccountRegister, ClassifiedSignal, Dc09Receiver, isKeyMismatch, OutcomeEvent, RejectedFrame, SignalContext } from '../alarms';
import { INGEST_OPTIONS, IngestOptions } from '../ingest.options';
import { SourceRegistry } from '../supervision/source-registry';
import { alarmSignalsToCalls } from './alarm-signals-to-calls';

const ACCEPTED = new Set(['signals', 'link-test', 'no-events', 'unknown-code-flagged', 'response-requested', 'resend']);

/**
 * The SIA DC-09 receiver inside ingest: a panel's alarm is acknowledged only once its calls are
 * stored in JetStream; what cannot be accepted is dead-lettered; silent paths become faults.
 */
@Injectable()
export class AlarmReceiverService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Dc09Receiver');
  private receiver?: Dc09Receiver;

  constructor(
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
    private readonly register: CachedAccountRegister,
    private readonly publisher: EventPublisher,
    private readonly deadLetterer: DeadLetterer,
    private readonly sources: SourceRegistry,
    private readonly health: HealthRegistry,
  ) {}

  /** The ports the receiver listens on (useful when 0 was asked for). */
  get ports(): BoundPorts {
    return this.receiver?.ports ?? {};
  }

  async onApplicationBootstrap(): Promise<void> {
    const { dc09 } = this.options;
    if (dc09.tcpPort === null && dc09.udpPort === null) return;
    this.receiver = new Dc09Receiver({
      register: this.register,
      host: dc09.host,
      tcpPort: dc09.tcpPort,
      udpPort: dc09.udpPort,
      unknownCodePolicy: dc09.unknownCodePolicy,
      supervisionCheckMs: dc09.supervisionCheckMs,
      idleTimeoutMs: dc09.idleTimeoutSeconds * 1000,
      resendWindowMs: dc09.resendWindowSeconds * 1000,
      onSignals: (signals, context) => this.publishCalls(signals, context),
      onReject: (rejected) => this.keep(rejected),
      onOutcome: (event) => this.observe(event),
      onError: (error, where) => this.logger.error({ msg: `receiver fault in ${where}`, error: String(error) }),
    });
    const ports = await this.receiver.start().catch((error: Error) => {
      throw new Error(
        `the SIA DC-09 alarm receiver cannot listen on ${dc09.host} tcp ${dc09.tcpPort ?? 'off'} / udp ${dc09.udpPort ?? 'off'} ` +
          `(${error.message}); choose other ports with VIGIL_DC09_TCP_PORT and VIGIL_DC09_UDP_PORT, or "off"`,
      );
    });
    this.health.register('dc09-receiver', async () => ({ name: 'dc09-receiver', up: this.receiver !== undefined, detail: JSON.stringify(ports) }));
    this.logger.log({ msg: 'SIA DC-09 receiver listening', host: dc09.host, ...ports });
  }

  async onModuleDestroy(): Promise<void> {
    await this.receiver?.close();
  }

  private async publishCalls(signals: ClassifiedSignal[], context: SignalContext): Promise<void> {
    const calls = alarmSignalsToCalls(signals, { ...context, occurredAt: context.frame.timestamp });
    // Waiting for the check phase lets the frames of every panel read in this turn of the event
    // loop go to NATS in one socket write instead of one write each (the profile's top cost).
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(calls.map((call) => this.publisher.publish('callReceived', call, { id: `call:${call.callKey}` })));
  }

  private async keep(rejected: RejectedFrame): Promise<void> {
    const digest = createHash('sha256').update(rejected.raw).digest('hex').slice(0, 24);
    await this.deadLetterer.keep({
      // A panel repeating the same bad frame is kept once (per duplicate window).
      id: `dc09:${rejected.remote.address}:${digest}`,
      rejectedBy: 'ingest-dc09',
      origin: `${rejected.transport}:${rejected.remote.address}:${rejected.remote.port}${rejected.account ? ` account ${rejected.account}` : ''}`,
      reason: `${rejected.code}: ${rejected.reason}`,
      raw: rejected.raw,
      deliveryAttempts: 1,
    });
  }

  private keyMismatch(account: string, reason: string): void {
    // Recorded at once for a known path, so that a good frame right behind it clears it in order.
    const at = new Date();
    if (this.sources.knows('alarm', account)) {
      void this.sources
        .alarmKeyMismatch(account, null, reason, at)
        .catch((error: Error) => this.logger.warn({ msg: 'could not record a key mismatch', account, error: error.message }));
      return;
    }
    void this.register
      .find(account)
      .then((record) => this.sources.alarmKeyMismatch(account, record?.partnerId ?? null, reason, at))
      .catch((error: Error) => this.logger.warn({ msg: 'could not record a key mismatch', account, error: error.message }));
  }

  private observe(event: OutcomeEvent): void {
    decisions.inc({ app: 'ingest', decision: 'dc09', reason: event.outcome });
    if (event.outcome === 'resend') this.logger.log({ msg: 'alarm resent inside the resend window', account: event.account, reason: event.reason });
    if (event.account && isKeyMismatch(event.outcome)) return this.keyMismatch(event.account, `${event.outcome}: ${event.reason}`);
    if (!event.account || !ACCEPTED.has(event.outcome)) return;
    const account = event.account;
    const at = new Date();
    if (this.sources.knows('alarm', account)) {
      this.sources.alarmHeard(account, null, at);
      return;
    }
    // First word from this panel since start-up: learn its partner once, for the supervision board.
    void this.register
      .find(account)
      .then((record) => this.sources.alarmHeard(account, record?.partnerId ?? null, at))
      .catch((error: Error) => this.logger.warn({ msg: 'could not record alarm path as heard', account, error: error.message }));
  }
}

import { connect, JetStreamClient, NatsConnection } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { CameraHealthSignalKind, SUBJECTS } from '@vigil/contracts';

/**
 * A video management system as Vigil hears it: every live camera's heartbeat each interval, on
 * its real CAMERA_HEALTH subjects, and the problem signals its analytics raise. A camera taken
 * off the air (`silence`) simply stops appearing in the rounds, as a dead one does.
 */
export class FakeVms {
  private readonly live = new Set<string>();
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private messageSeq = 0;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly ns: BusNamespace,
    readonly vmsId: string,
    private readonly siteOf: (cameraId: string) => string,
  ) {}

  /** Connects to the test environment's NATS; `siteOf` names the VMS's own site (recording server) of each camera. */
  static async connect(natsUrl: string, namespace: string, vmsId: string, siteOf: (cameraId: string) => string = () => 'rs-1'): Promise<FakeVms> {
    const nc = await connect({ servers: natsUrl });
    return new FakeVms(nc, nc.jetstream(), new BusNamespace(namespace), vmsId, siteOf);
  }

  /** Sends a first round of heartbeats for `cameraIds` (stored when this resolves), then one round every `intervalMs`. */
  async heartbeat(cameraIds: readonly string[], intervalMs: number): Promise<void> {
    cameraIds.forEach((id) => this.live.add(id));
    await this.sendRound();
    this.timer ??= setInterval(() => {
      // One round at a time: a slow round delays the next rather than piling up behind it.
      this.round = this.round.then(() => this.sendRound()).catch(() => undefined);
    }, intervalMs);
  }

  /** These cameras stop sending heartbeats (power, link or camera gone). */
  silence(cameraIds: readonly string[]): void {
    cameraIds.forEach((id) => this.live.delete(id));
  }

  /** These cameras are heard again from the next round. */
  resume(cameraIds: readonly string[]): void {
    cameraIds.forEach((id) => this.live.add(id));
  }

  /** The VMS lost a camera's video. */
  videoLoss(cameraId: string, at = Date.now()): Promise<void> {
    return this.send(cameraId, 'video-loss', at, { messageId: this.nextMessageId() });
  }

  /** The camera's video came back. */
  recovered(cameraId: string, at = Date.now()): Promise<void> {
    return this.send(cameraId, 'recovered', at, { messageId: this.nextMessageId(), recoveredFrom: 'video-loss' });
  }

  /** Stops the rounds and closes the connection. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    await this.nc.drain();
  }

  private async sendRound(): Promise<void> {
    const at = Date.now();
    await Promise.all([...this.live].map((cameraId) => this.send(cameraId, 'heartbeat', at)));
  }

  private nextMessageId(): string {
    return `m${++this.messageSeq}`;
  }

  private async send(cameraId: string, kind: CameraHealthSignalKind, at: number, extra: Record<string, unknown> = {}): Promise<void> {
    const payload = { vmsId: this.vmsId, cameraId, siteId: this.siteOf(cameraId), occurredAt: new Date(at).toISOString(), ...extra };
    const msgID = typeof extra.messageId === 'string' ? `${this.vmsId}:${extra.messageId}` : undefined;
    await this.js.publish(this.ns.subject(SUBJECTS.vms.cameraHealth(this.vmsId, cameraId, kind)), JSON.stringify(payload), msgID ? { msgID } : undefined);
  }
}

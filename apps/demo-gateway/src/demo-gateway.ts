import { connect, JetStreamClient, NatsConnection } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { DemoMessage, demoMessage, seededRandom } from './demo-calls';
import { demoScene, demoScenePlace, nextRestedScene } from './demo-scenes';

/** One call in this many starts a scene: several sources about one event. */
const SCENE_EVERY = 4;

/** How the demo gateway behaves. */
export interface DemoGatewayOptions {
  natsUrl: string;
  namespace: string;
  gatewayId: string;
  /** Mean gap between calls. */
  intervalMs: number;
  seed: number;
}

/**
 * Stands in for a police Airwave gateway and a Town Link base station: publishes SDS calls,
 * member calls, the odd emergency status and heartbeats, on the subjects and in the payloads
 * real gateways use, over its own connection.
 */
export class DemoGateway {
  private nc?: NatsConnection;
  private timers: NodeJS.Timeout[] = [];
  private sent = 0;
  private scenes = 0;
  /** When each place last had its scene: a place rests before its next (see nextRestedScene). */
  private readonly lastPlayed = new Map<string, Date>();
  /** The rest of the scene being played, sent one per tick like any call. */
  private queued: DemoMessage[] = [];

  constructor(private readonly options: DemoGatewayOptions) {}

  async start(): Promise<void> {
    this.nc = await connect({ servers: this.options.natsUrl, name: `demo-gateway-${this.options.gatewayId}` });
    const js = this.nc.jetstream();
    const random = seededRandom(this.options.seed);
    const next = () => {
      const delay = this.options.intervalMs * (0.4 + random() * 1.2);
      this.timers[0] = setTimeout(() => void this.sendCall(js, random).finally(next), delay);
    };
    next();
    this.timers[1] = setInterval(() => void this.sendHeartbeat(js), 10_000);
    await this.sendHeartbeat(js);
  }

  async stop(): Promise<void> {
    this.timers.forEach((t) => clearTimeout(t));
    await this.nc?.drain();
  }

  private subject(subject: string): string {
    return new BusNamespace(this.options.namespace).subject(subject);
  }

  private async sendCall(js: JetStreamClient, random: () => number): Promise<void> {
    const message = this.next(random);
    const { gatewayId, messageId } = message.payload;
    const subject =
      message.kind === 'sds' ? SUBJECTS.airwave.sds(gatewayId)
      : message.kind === 'status' ? SUBJECTS.airwave.status(gatewayId)
      : message.kind === 'panic' ? SUBJECTS.townlink.panic(gatewayId)
      : SUBJECTS.townlink.memberCall(gatewayId);
    await js
      .publish(this.subject(subject), JSON.stringify(message.payload), { msgID: `${gatewayId}:${messageId}` })
      .catch(() => undefined); // a demo call lost while NATS restarts is of no consequence
  }

  private next(random: () => number): DemoMessage {
    const now = new Date();
    if (this.queued.length === 0 && ++this.sent % SCENE_EVERY === 0) this.queued = this.nextScene(now);
    return this.queued.shift() ?? demoMessage(this.options.gatewayId, this.sent, random, now);
  }

  private nextScene(now: Date): DemoMessage[] {
    const n = nextRestedScene(this.scenes, this.lastPlayed, now);
    if (n === null) return [];
    this.scenes = n + 1;
    const place = demoScenePlace(n);
    if (place) this.lastPlayed.set(place, now);
    return demoScene(this.options.gatewayId, n, now);
  }

  private async sendHeartbeat(js: JetStreamClient): Promise<void> {
    const sentAt = new Date().toISOString();
    const airwave = this.options.gatewayId;
    const townlink = `${airwave}-townlink`;
    await Promise.all([
      js.publish(this.subject(SUBJECTS.airwave.heartbeat(airwave)), JSON.stringify({ gatewayId: airwave, sentAt })),
      js.publish(this.subject(SUBJECTS.townlink.heartbeat(townlink)), JSON.stringify({ gatewayId: townlink, baseStation: 'BS-1', sentAt })),
    ]).catch(() => undefined);
  }
}

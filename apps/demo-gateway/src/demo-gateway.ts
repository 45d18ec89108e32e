import { connect, JetStreamClient, NatsConnection } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { demoMessage, seededRandom } from './demo-calls';

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
    const message = demoMessage(this.options.gatewayId, ++this.sent, random, new Date());
    const { gatewayId, messageId } = message.payload;
    const subject =
      message.kind === 'sds' ? SUBJECTS.airwave.sds(gatewayId)
      : message.kind === 'status' ? SUBJECTS.airwave.status(gatewayId)
      : SUBJECTS.townlink.memberCall(gatewayId);
    await js
      .publish(this.subject(subject), JSON.stringify(message.payload), { msgID: `${gatewayId}:${messageId}` })
      .catch(() => undefined); // a demo call lost while NATS restarts is of no consequence
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

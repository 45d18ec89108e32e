import { connect, JetStreamClient, NatsConnection } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { AirwaveSds, SUBJECTS } from '@vigil/contracts';

/** Publishes as a real Airwave gateway would: its own connection, its subjects, its payloads. */
export class TestAirwaveGateway {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly namespace: string,
    readonly gatewayId: string,
  ) {}

  static async connect(natsUrl: string, namespace: string, gatewayId = 'gw-test'): Promise<TestAirwaveGateway> {
    const nc = await connect({ servers: natsUrl.split(','), name: `test-gateway-${gatewayId}`, maxReconnectAttempts: -1 });
    return new TestAirwaveGateway(nc, nc.jetstream(), namespace, gatewayId);
  }

  /** An SDS payload with sensible defaults. */
  sds(messageId: string, text: string, overrides: Partial<AirwaveSds> = {}): AirwaveSds {
    return { gatewayId: this.gatewayId, messageId, occurredAt: new Date().toISOString(), callingIssi: 2260101, text, ...overrides };
  }

  /** Publishes an SDS and waits for JetStream to store it. */
  async publishSds(sds: AirwaveSds): Promise<void> {
    await this.publishRaw(SUBJECTS.airwave.sds(this.gatewayId), JSON.stringify(sds), `${this.gatewayId}:${sds.messageId}`);
  }

  /** Publishes arbitrary bytes on a gateway subject, as a broken gateway might. */
  async publishRaw(subject: string, body: string | Uint8Array, msgId?: string): Promise<void> {
    const wire = new BusNamespace(this.namespace).subject(subject);
    await this.js.publish(wire, typeof body === 'string' ? new TextEncoder().encode(body) : body, msgId ? { msgID: msgId } : undefined);
  }

  async close(): Promise<void> {
    await this.nc.drain();
  }
}

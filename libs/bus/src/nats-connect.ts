import { connect, NatsConnection } from 'nats';
import { redactUrl } from '@vigil/observability';

/** Raised when NATS cannot be reached at start-up; its message tells an operator what to do. */
export class NatsUnreachableError extends Error {}

/** Opens the process's one NATS connection, failing fast with a message that says how to fix it. */
export async function connectToNats(url: string, name: string): Promise<NatsConnection> {
  try {
    return await connect({
      servers: url,
      name,
      timeout: 5_000,
      // Once up, ride out broker restarts rather than dying: consumers resume on reconnect.
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
    });
  } catch (error) {
    throw new NatsUnreachableError(
      `NATS not reachable at ${redactUrl(url)} (${(error as Error).message}). ` +
        'Vigil needs NATS with JetStream. Start it locally with: ' +
        'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- ' +
        '-a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log ' +
        '(or point VIGIL_NATS_URL at your server).',
    );
  }
}

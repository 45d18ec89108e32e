import { connect, NatsConnection } from 'nats';
import { hostAndPort, NO_WAIT, redactUrl, StartupWait, waitForDependency } from '@vigil/observability';

/** Raised when NATS cannot be reached at start-up within the wait limit; its message tells an operator what to do. */
export class NatsUnreachableError extends Error {}

/**
 * Opens the process's one NATS connection, waiting (and saying so) while NATS is not there yet;
 * gives up with a message that says how to fix it once `wait.giveUpAfterSeconds` have passed.
 */
export async function connectToNats(url: string, name: string, wait: StartupWait = NO_WAIT): Promise<NatsConnection> {
  try {
    return await waitForDependency(
      { name: 'NATS', address: hostAndPort(url, 4222) },
      () =>
        connect({
          // A cluster is given as a comma-separated list; nats.js wants an array to fail over between them.
          servers: url.split(',').map((server) => server.trim()),
          name,
          timeout: 5_000,
          // Once up, ride out broker restarts rather than dying: consumers resume on reconnect.
          reconnect: true,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 1_000,
          // Every JetStream publish is a request, and nats.js captures the caller's stack for each one,
          // used only if it times out: a few per cent of a busy process's CPU. A timeout still says
          // what timed out; its stack then ends in nats.js instead of the caller.
          noAsyncTraces: true,
        }),
      wait,
    );
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

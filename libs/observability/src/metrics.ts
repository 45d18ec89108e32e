import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's one Prometheus registry, served at `/metrics`. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'vigil_' });

/** Messages a durable consumer finished, by consumer and outcome (done, retry, reject) and reason. */
export const messagesHandled = new Counter({
  name: 'vigil_bus_messages_total',
  help: 'Messages handled by durable consumers, by outcome',
  labelNames: ['consumer', 'outcome', 'reason'] as const,
  registers: [metricsRegistry],
});

/** Time a handler spent on one message. */
export const handlerSeconds = new Histogram({
  name: 'vigil_bus_handler_seconds',
  help: 'Time spent handling one message',
  labelNames: ['consumer'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [metricsRegistry],
});

/** Events published from an outbox, by schema. */
export const outboxPublished = new Counter({
  name: 'vigil_outbox_published_total',
  help: 'Events relayed from a transactional outbox to JetStream',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});

/** Domain decisions (triage reasons and the like), by app and reason. */
export const decisions = new Counter({
  name: 'vigil_decisions_total',
  help: 'Domain decisions by their named reason',
  labelNames: ['app', 'decision', 'reason'] as const,
  registers: [metricsRegistry],
});

/** Messages a consumer is holding until a dependency (postgres, nats) is back, by consumer and dependency. */
export const messagesWaiting = new Gauge({
  name: 'vigil_bus_messages_waiting',
  help: 'Messages held by a durable consumer until a dependency is reachable again',
  labelNames: ['consumer', 'dependency'] as const,
  registers: [metricsRegistry],
});

/** Kept timers of one app's timer schema, counted by kind. */
export type KeptTimerCount = { schema: string; kind: string; count: number };
const keptTimerSources = new Set<() => Promise<KeptTimerCount[]>>();

/**
 * Registers where to count an app's kept timers (those that gave up or ran out of attempts) at
 * each scrape; returns the unregistration. A kept timer is a deadline nobody acted on, so it is a
 * number to alert on, not only a row to look up.
 */
export function countKeptTimersFrom(source: () => Promise<KeptTimerCount[]>): () => void {
  keptTimerSources.add(source);
  return () => keptTimerSources.delete(source);
}

/** Timers kept after giving up or running out of attempts, by timer schema and kind; read from Postgres at scrape time. */
export const timersKept = new Gauge({
  name: 'vigil_timers_kept',
  help: 'Durable timers that gave up or ran out of attempts and are kept for an operator, by timer schema and kind',
  labelNames: ['schema', 'kind'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const source of keptTimerSources) {
      // Postgres away must not take /metrics down with it (the consumers' waiting gauge says so then): that schema goes unreported.
      const counts = await source().catch(() => []);
      for (const { schema, kind, count } of counts) this.set({ schema, kind }, count);
    }
  },
});

/** Each attempt notify made to deliver, by channel type and what followed (delivered, a retry's reason, a dead letter's). */
export const notifyAttempts = new Counter({
  name: 'vigil_notify_delivery_attempts_total',
  help: 'Attempts to deliver a notification, by channel type and the retry decision that followed',
  labelNames: ['channel', 'decision'] as const,
  registers: [metricsRegistry],
});

/** From a delivery being planned to its channel accepting it: what a receiver waits, retries included. */
export const notifyDeliverySeconds = new Histogram({
  name: 'vigil_notify_delivery_seconds',
  help: 'Time from planning a notification to its delivery, by channel type',
  labelNames: ['channel'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 900],
  registers: [metricsRegistry],
});

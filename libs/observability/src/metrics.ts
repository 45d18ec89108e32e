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

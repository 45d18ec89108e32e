import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { BusNamespace, EventPublisher } from '@vigil/bus';
import type { WebhookPayload } from '../apps/notify/src/channels/webhook/webhook-payload';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../apps/notify/src/channels/webhook/webhook-signature';
import { anIncident } from '../apps/notify/src/testing/notify-fixtures';
import { sql } from '../test/support/sql';
import { AlertTarget, burst, BurstFigures, NotifyWorkload, pacedPhase, phaseKeys, warmUp } from './notify-phases';
import { startNotify } from './start-notify';
import { LatencySummary, summarise } from './stats';
import { startWebhookSink } from './webhook-sink';

/** What notify's own delivery log says after the run: every delivery, its state and its attempts. */
export interface DeliveryLog {
  /** Incident events published, each of which should be one delivery. */
  expected: number;
  rows: number;
  delivered: number;
  deadLetters: number;
  /** Attempts over every row, and rows that needed more than one. */
  attempts: number;
  retried: number;
  /** Delivered rows whose attempt is recorded in delivery_attempt. */
  attemptsRecorded: number;
}

/** Where the paced phase's time went, per delivery, from notify's own timestamps (same machine clock as the bench). */
export interface NotifyStages {
  /** Publish → the delivery row planned (event consumed, alert stored, group flushed). */
  publishToPlanned: LatencySummary;
  /** Planned → the send claimed it (commit, then the fast path's claim). */
  plannedToClaimed: LatencySummary;
  /** The webhook attempt itself (HTTP to the loopback receiver). */
  attempt: LatencySummary;
}

/** Vigil's notify in the pair. */
export interface VigilNotifyResult {
  burst: BurstFigures;
  paced: { latency: LatencySummary; sentPerSecond: number; missing: number };
  stages: NotifyStages;
  log: DeliveryLog;
  /** Every incident event's delivery is in the log, delivered, and at the receiver once. */
  everyDeliveryInLog: boolean;
  /** Alerts the receiver got more than once, and requests whose signature it refused (both must be 0). */
  repeats: number;
  refused: number;
  cpuMsPerAlert: number;
  peakRssMiB: number | undefined;
}

/**
 * Notify in its own process, fed grade 1 incident-opened events as triage publishes them (one
 * JetStream publish each, awaited), delivering to a webhook receiver in the bench process that
 * checks every request's signature. Each event's envelope is built before the clock starts, so
 * the bench's own validation is not timed.
 */
export async function runVigilNotify(env: Record<string, string>, natsUrl: string, namespace: string, databaseUrl: string, workload: NotifyWorkload): Promise<VigilNotifyResult> {
  const secret = randomBytes(32).toString('base64url');
  const sink = await startWebhookSink('/vigil/alerts', (body, request) => {
    const signature = verifyWebhookSignature(
      { timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER] as string | undefined, signature: request.headers[WEBHOOK_SIGNATURE_HEADER] as string | undefined, body },
      secret,
      new Date(),
    );
    return { ok: signature.ok, keys: (JSON.parse(body) as WebhookPayload).alerts.map((alert) => alert.reference) };
  });
  const nc = await connect({ servers: natsUrl, name: 'bench-notify' });
  const notify = await startNotify(env, sink.url, secret, { cpuProfileDir: process.env.BENCH_CPU_PROF_DIR });
  try {
    const publisher = new EventPublisher(nc.jetstream(), new BusNamespace(namespace), 'triage');
    const incidentIds = new Map<string, string>();
    const prepare = (keys: readonly string[]) =>
      new Map(
        keys.map((reference) => {
          const incident = anIncident({ incidentId: randomUUID(), reference, grade: 1, category: 'Violence', subcategory: 'Assault', summary: `Assault in progress (${reference})`, version: 1 });
          incidentIds.set(incident.incidentId, reference);
          return [reference, { envelope: publisher.envelope('incidentOpened', incident, { id: `${incident.incidentId}:1` }), subject: publisher.subjectFor('incidentOpened', incident) }];
        }),
      );
    const events = new Map([...prepare(phaseKeys('warm', workload.warmup)), ...prepare(phaseKeys('burst', workload.burst)), ...prepare(phaseKeys('paced', workload.pacedPerSecond * workload.pacedSeconds))]);
    const target: AlertTarget = {
      sink,
      burstBatch: 1,
      pacedBatch: 1,
      send: async (keys) => {
        for (const key of keys) {
          const { envelope, subject } = events.get(key)!;
          await publisher.publishEnvelope(envelope, subject);
        }
      },
    };
    await warmUp(target, phaseKeys('warm', workload.warmup), workload);
    await settled(databaseUrl, workload.arrivalTimeoutMs);
    const cpuBefore = notify.cpuMs();
    const burstFigures = await burst(target, phaseKeys('burst', workload.burst), workload);
    await settled(databaseUrl, workload.arrivalTimeoutMs);
    const pacedKeys = phaseKeys('paced', workload.pacedPerSecond * workload.pacedSeconds);
    const paced = await pacedPhase(target, pacedKeys, workload);
    await settled(databaseUrl, workload.arrivalTimeoutMs);
    const measured = workload.burst + pacedKeys.length;
    const cpuMsPerAlert = (notify.cpuMs() - cpuBefore) / measured;
    const log = await deliveryLog(databaseUrl, events.size);
    const { repeats, refused } = sink.counts();
    return {
      burst: burstFigures,
      paced: { latency: paced.latency, sentPerSecond: paced.sentPerSecond, missing: paced.missing },
      stages: await stagesOf(databaseUrl, paced.sentAt, incidentIds),
      log,
      everyDeliveryInLog: log.rows === log.expected && log.delivered === log.expected && log.attemptsRecorded === log.expected && sink.arrivedAt.size === log.expected,
      repeats,
      refused,
      cpuMsPerAlert,
      peakRssMiB: notify.peakRssMiB(),
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}${await stuckSessions(databaseUrl)}`);
  } finally {
    await notify.stop();
    await nc.close();
    await sink.close();
  }
}

/**
 * Notify's database sessions inside a transaction for seconds, for the error of a run
 * whose deliveries stopped coming: a handler holding its connection while it waits for another
 * from the same exhausted pool looks exactly like this.
 */
async function stuckSessions(databaseUrl: string): Promise<string> {
  const rows = await sql<{ sessions: number; seconds: number; query: string }>(
    databaseUrl,
    `SELECT count(*)::int AS sessions, max(extract(epoch FROM now() - xact_start))::int AS seconds, left(query, 160) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND xact_start < now() - interval '5 seconds'
      GROUP BY 3 ORDER BY 1 DESC`,
  ).catch(() => []);
  if (rows.length === 0) return '';
  return `; notify's database sessions in a transaction for seconds: ${rows.map((r) => `${r.sessions} for up to ${r.seconds} s after "${r.query}"`).join('; ')}`;
}

/** Waits until no planned delivery is still being sent or retried, so the next phase starts on a quiet notify and counts are final. */
async function settled(databaseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [{ open }] = await sql<{ open: number }>(databaseUrl, `SELECT count(*)::int AS open FROM notify.delivery WHERE state NOT IN ('delivered', 'dead-letter')`);
    if (open === 0) return;
    if (performance.now() > deadline) {
      const states = await sql<{ state: string; rows: number; attempts: number }>(databaseUrl, `SELECT state, count(*)::int AS rows, sum(attempts)::int AS attempts FROM notify.delivery WHERE state NOT IN ('delivered', 'dead-letter') GROUP BY 1`);
      throw new Error(`notify still has ${open} deliveries under way after ${timeoutMs} ms (${states.map((s) => `${s.rows} ${s.state} after ${s.attempts} attempts`).join(', ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function deliveryLog(databaseUrl: string, expected: number): Promise<DeliveryLog> {
  const [row] = await sql<Omit<DeliveryLog, 'expected'>>(
    databaseUrl,
    `SELECT count(*)::int AS rows,
            count(*) FILTER (WHERE d.state = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE d.state = 'dead-letter')::int AS "deadLetters",
            coalesce(sum(d.attempts), 0)::int AS attempts,
            count(*) FILTER (WHERE d.attempts > 1)::int AS retried,
            count(*) FILTER (WHERE d.state = 'delivered' AND EXISTS (SELECT 1 FROM notify.delivery_attempt a WHERE a.delivery_id = d.id AND a.ok))::int AS "attemptsRecorded"
       FROM notify.delivery d`,
  );
  return { expected, ...row };
}

/** The paced phase's deliveries, matched to their publish times by incident id (the fingerprint is `incident:<id>`). */
async function stagesOf(databaseUrl: string, sentAt: ReadonlyMap<string, number>, incidentIds: ReadonlyMap<string, string>): Promise<NotifyStages> {
  const rows = await sql<{ fingerprint: string; planned_at: Date; first_attempt_at: Date; duration_ms: number }>(
    databaseUrl,
    `SELECT d.fingerprints[1] AS fingerprint, d.planned_at, d.first_attempt_at, a.duration_ms
       FROM notify.delivery d JOIN notify.delivery_attempt a ON a.delivery_id = d.id AND a.attempt = 1`,
  );
  const toPlanned: number[] = [];
  const toClaimed: number[] = [];
  const attempt: number[] = [];
  for (const row of rows) {
    const sent = sentAt.get(incidentIds.get(row.fingerprint.replace(/^incident:/, '')) ?? '');
    if (sent === undefined) continue;
    toPlanned.push(row.planned_at.getTime() - sent);
    toClaimed.push(row.first_attempt_at.getTime() - row.planned_at.getTime());
    attempt.push(row.duration_ms);
  }
  return { publishToPlanned: summarise(toPlanned), plannedToClaimed: summarise(toClaimed), attempt: summarise(attempt) };
}

import { AlertmanagerNotifyResult } from './notify-alertmanager';
import { alertmanagerRan, NotifyResult, vigilMeasured } from './notify-pair';
import { VigilNotifyResult } from './notify-vigil';
import { LatencySummary } from './stats';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const n = (value: number) => value.toLocaleString('en-GB');

/**
 * A profile's finding (2026-12-02, \`BENCH_CPU_PROF_DIR\` on notify), not computed: update it when a new profile says otherwise.
 */
const WHERE_THE_TIME_GOES = `Where the time goes (profile of 2026-12-02 after batching; \`BENCH_CPU_PROF_DIR=<dir> npm run bench -- notify\`
writes notify's CPU profile): notify takes events a batch per transaction (up to 100, two transactions at once), so a
batch costs about 13 statements whatever its size: 20,500 events took 4,680 statements, down from 93,690 (19 per event
before, and every delivery was claimed twice). Its CPU per event fell from 3.0–3.5 ms to about 0.7 ms, near
Alertmanager's 0.4–0.5 ms. In the profile notify is idle a fifth of the time; 15% is the \`writev\` of Postgres statements
(now large multi-row ones), GC 7%, the webhook's HTTP client (node:http with keep-alive; fetch was 15% on its own) and
HMAC a few percent. What is left is the machine: on 2 cores, notify, Postgres, NATS, the receiver and the publisher share
the CPU. Postgres alone spent about 0.9 ms of CPU per event (the postmaster's cumulative CPU across a \`bench -- notify\`
run, 18.6 s for 20,500 events: each event writes its alert, group, member, delivery and log rows, and the delivery row
is rewritten when claimed and when its attempt is recorded), more than notify's own 0.7–0.8 ms; NATS about 0.1 ms. At
1,000 events/s the two cores are saturated, so events queue before their transaction (publish → planned is most of
the latency; planned → sent is 0.1–0.3 s). The next saving is in Postgres: fewer row versions per delivery (claim at
planning, keep the planned body out of the row that is updated) and no route copy per group. Alertmanager keeps its state in
memory and snapshots it; notify commits each event's alert, group, delivery and log entry before it sends, so that
nothing acknowledged is lost across a kill -9. History: 51–87 events/s at first, 185–194 after leaving the timers'
queue and cutting round trips, 800–900 after batching.`;

/** The notify section of BENCHMARKS.md: notify beside Alertmanager given the same alerts in the same run. */
export function notifySection(result: NotifyResult): string {
  const { workload: w, alertmanager, vigil } = result;
  const am = alertmanagerRan(alertmanager) ? alertmanager : undefined;
  const paced = w.pacedPerSecond * w.pacedSeconds;
  return `## Notify: incident events → notify (Postgres) → webhook, beside Alertmanager

Notify runs alone in its own process (\`dist/apps/notify/src/main.js\`, logging at its default level) with a routing of one
webhook receiver for incidents that need police, \`groupBy: ['...']\` (one group per incident), \`groupWait: 0s\` and no
escalation. The bench publishes grade 1 \`incidentOpened\` events on INCIDENTS as triage does (one JetStream publish each,
awaited, envelopes built before the clock starts) and a webhook receiver in the bench process checks every request's
signature and notes when each incident first arrived. The baseline is Alertmanager (Debian's \`prometheus-alertmanager\`,
clustering off, its own storage) with the same route (\`group_by: ['...']\`, \`group_wait: 0s\`, \`send_resolved: false\`),
given the same incidents as alerts (label \`incident\` = the reference) over \`POST /api/v2/alerts\`, delivering to the same
kind of receiver; every alert in every webhook body is counted. After ${n(w.warmup)} warm-up alerts each: ${n(w.burst)} alerts as fast as
${w.window} in flight allow (notify: ${w.window} publishes; Alertmanager: posts of 50 alerts, 4 in flight, as Prometheus batches),
timed from the first send to the last alert's arrival; then ${n(w.pacedPerSecond)} alerts/s for ${w.pacedSeconds} s (notify: one publish
a millisecond; Alertmanager: a post of 10 alerts every 10 ms), each timed from just before its send to its arrival.

${am ? '' : `**Alertmanager baseline skipped:** ${(alertmanager as { skipped: string }).skipped}.\n\n`}${vigilMeasured(vigil) ? table(am, vigil, w.burst, paced, w.pacedPerSecond) : `**Notify could not be measured in this run:** ${vigil.failed}`}

${vigilMeasured(vigil) ? `${stages(vigil)}\n\n${targets(am, vigil, w.pacedPerSecond)}\n\n` : ''}${WHERE_THE_TIME_GOES}

Versions: NATS server ${result.natsServerVersion}, PostgreSQL ${result.postgresVersion}${am ? `, ${am.version}` : ''}.
Reproduce this section alone: \`npm run bench -- notify\` (figures in \`.bench/notify.json\`; BENCHMARKS.md is left alone).`;
}

function table(am: AlertmanagerNotifyResult | undefined, vigil: VigilNotifyResult, burst: number, paced: number, perSecond: number): string {
  const cell = (value: ((r: AlertmanagerNotifyResult) => string) | string) => (am === undefined ? '—' : typeof value === 'string' ? value : value(am));
  const times = (a: number, b: number) => (am === undefined ? '—' : `${(a / b).toFixed(2)}×`);
  const latency = (pick: (l: LatencySummary) => number, label: string) =>
    `| event → webhook ${label} at ${n(perSecond)}/s | ${cell((r) => ms(pick(r.paced.latency)))} | ${ms(pick(vigil.paced.latency))} | ${am ? times(pick(vigil.paced.latency), pick(am.paced.latency)) : '—'} |`;
  const log = vigil.log;
  return `| measure | baseline (Alertmanager) | Vigil notify | Vigil ÷ Alertmanager |
|---|---|---|---|
| incident events/s (${n(burst)} alerts, first send → last arrival) | ${cell((r) => r.burst.alertsPerSecond.toFixed(0))} | ${vigil.burst.alertsPerSecond.toFixed(0)} | ${am ? times(vigil.burst.alertsPerSecond, am.burst.alertsPerSecond) : '—'} |
${latency((l) => l.p50, 'p50')}
${latency((l) => l.p99, 'p99')}
${latency((l) => l.max, 'max')}
| alerts/s actually sent in the paced phase | ${cell((r) => r.paced.sentPerSecond.toFixed(0))} | ${vigil.paced.sentPerSecond.toFixed(0)} | — |
| alerts never at the receiver (must be 0; burst + paced) | ${cell((r) => String(r.burst.missing + r.paced.missing))} | ${vigil.burst.missing + vigil.paced.missing} | — |
| alerts at the receiver more than once (must be 0) | ${cell((r) => String(r.repeats))} | ${vigil.repeats} | — |
| webhook requests refused for their signature (must be 0) | unsigned | ${vigil.refused} | — |
| CPU time of the process per alert (burst and paced phases) | ${cell((r) => `${r.cpuMsPerAlert.toFixed(2)} ms`)} | ${vigil.cpuMsPerAlert.toFixed(2)} ms | ${am ? times(vigil.cpuMsPerAlert, am.cpuMsPerAlert) : '—'} |
| peak resident memory of the process | ${cell((r) => `${r.peakRssMiB?.toFixed(0) ?? '?'} MiB`)} | ${vigil.peakRssMiB?.toFixed(0) ?? '?'} MiB | — |
| every delivery in the log | no per-delivery log | **${vigil.everyDeliveryInLog ? 'yes' : 'no'}**: ${n(log.delivered)} of ${n(log.expected)} events delivered (${n(log.rows)} rows, ${log.deadLetters} dead letters, ${n(log.attempts)} attempts, ${log.retried} retried, ${n(log.attemptsRecorded)} with their attempt recorded) | — |

Samples: ${n(vigil.paced.latency.count)} of ${n(paced)} paced alerts timed on notify${am ? `, ${n(am.paced.latency.count)} on Alertmanager (${n(am.requests)} webhook requests for its ${n(burst + paced)} measured alerts)` : ''}.
"Every delivery in the log" counts notify's own \`notify.delivery\` rows once nothing is left to send: one delivered row per event
(warm-up included), its successful attempt in \`notify.delivery_attempt\`, and as many incidents at the receiver as events published.`;
}

/** Notify's own timestamps of the paced phase's deliveries, against the bench's publish times (one machine, one clock). */
function stages({ stages: s, paced }: VigilNotifyResult): string {
  const row = (label: string, l: LatencySummary) => `| ${label} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)} |`;
  return `Where notify's time goes at that rate, from its delivery log (\`planned_at\`, \`first_attempt_at\`, the attempt's \`duration_ms\`):

| stage | p50 | p99 | max |
|---|---|---|---|
${row('publish → delivery planned (event consumed, alert stored and its group flushed in one transaction)', s.publishToPlanned)}
${row('planned → claimed for sending (commit, then the fast path claims the row)', s.plannedToClaimed)}
${row('the webhook attempt (HTTP to the loopback receiver, its verdict recorded after)', s.attempt)}
${row('whole: publish → arrival at the receiver', paced.latency)}`;
}

/** The notify issue's targets: above Alertmanager's rate, a lower p99 at 1,000 events/s, every delivery in the log. */
function targets(am: AlertmanagerNotifyResult | undefined, vigil: VigilNotifyResult, perSecond: number): string {
  if (am === undefined) return `Targets of the notify issue need the Alertmanager baseline; of them, every delivery in the log: ${met(vigil.everyDeliveryInLog)}.`;
  const faster = vigil.burst.alertsPerSecond > am.burst.alertsPerSecond;
  const lowerP99 = vigil.paced.latency.p99 < am.paced.latency.p99;
  return `Targets of the notify issue: a rate above Alertmanager's (${vigil.burst.alertsPerSecond.toFixed(0)} against ${am.burst.alertsPerSecond.toFixed(0)} events/s: ${met(faster)}),
a lower p99 at ${n(perSecond)} events/s (${ms(vigil.paced.latency.p99)} against ${ms(am.paced.latency.p99)}: ${met(lowerP99)}), every delivery in the log (${met(vigil.everyDeliveryInLog)}).`;
}

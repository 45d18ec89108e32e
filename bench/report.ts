import { cpus } from 'node:os';
import { FaultsResult } from './faults-watchdog';
import { compareShares, EarlierRun, NOISE, verdict } from './earlier-run';
import { GatewayAdapterResults } from './gateway-adapters';
import { NotifyResult } from './notify-pair';
import { notifySection } from './notify-report';
import { Dc09Result, Dc09Workload, PhaseResult, Workload } from './workload';

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  when: Date;
  workload: Workload;
  dc09Workload: Dc09Workload;
  /** Raw JetStream publish → consume: the baseline of the skeleton and of both gateway adapters. */
  rawJetStream: PhaseResult;
  skeleton: PhaseResult;
  gatewayAdapters: GatewayAdapterResults;
  dc09: { baseline: Dc09Result; vigil: Dc09Result };
  /** The camera health watchdog; absent from the results of a commit before it. */
  faults?: FaultsResult;
  /** Notify beside Alertmanager; absent from the results of a commit before it. */
  notify?: NotifyResult;
  /** An earlier commit's run on this machine just before, when scripts/bench-against.sh gave one. */
  earlier?: EarlierRun;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const share = (a: number, b: number) => (a / b).toFixed(3);
const mib = (value: number | undefined) => `${value?.toFixed(0) ?? '?'} MiB`;

const REPRODUCE = 'Reproduce: `npm run bench` (every section comes from the same run).';

/** BENCHMARKS.md: the figures of one run beside their baselines, and the command that made them. */
export function renderReport(results: BenchResults): string {
  const { when, workload, rawJetStream, skeleton, gatewayAdapters } = results;
  return `# Benchmarks

Made by \`npm run bench\` on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC, on this project's machine
(${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}), against the local NATS and Postgres.
Every figure is from one run; compare ratios between runs, not absolute numbers, since the machine is shared.
One Vigil process, started as \`npm start\` starts it (every app in one process, demo feed off), serves every
Vigil measurement in turn; between measurements the bench waits until Vigil's consumers have nothing pending.

## Walking skeleton: Airwave gateway → ingest → triage (Postgres, outbox) → dashboard socket.io

The bench process publishes Airwave SDS messages as a gateway would; Vigil runs in a separate process; latency
is measured from the gateway's publish to the moment a police dashboard socket.io client receives the incident.
The baseline is raw JetStream: the same payloads published to a stream and read back by a durable pull
consumer with explicit acks, no services in between.

${callsTable(rawJetStream, skeleton, 'Vigil skeleton', workload, 'peak resident memory of the Vigil process')}

Samples: ${samples(skeleton, workload)}.
This measurement runs first, so its peak memory counts from Vigil's start-up.

${skeletonTargets(results)}

${REPRODUCE}

${gatewaySection('Town Link member call', 'Town Link', 'gw.townlink.<gateway>.member-call', 'townlink', gatewayAdapters.townlink, results)}

${gatewaySection('Airwave SDS', 'Airwave', 'gw.airwave.<gateway>.sds', 'airwave', gatewayAdapters.airwave, results)}

${dc09Section(results)}

${results.faults ? faultsSection(results.faults) : ''}

${results.notify ? notifySection(results.notify) : ''}

${earlierSection(results)}

## Reproduce

\`\`\`
npm run bench
\`\`\`

\`bash scripts/bench-against.sh <commit>\` runs an earlier commit's bench first and adds the comparison above.
It needs the same local Postgres and NATS as the tests (\`bash scripts/ensure-services.sh\`), uses its own
NATS namespace and database, and removes both when done. Raw figures go to \`.bench/results.json\`.
`;
}

/** Ratio below which a target is missed, and the issue that set it. */
const SKELETON_TARGETS = { ratio: 0.6, busyP99Ms: 100 };

/**
 * The triage issue's targets against this run, and where the time goes. The explanation is a
 * profile's finding (2026-12-02), not computed: update it when a new profile says otherwise.
 */
function skeletonTargets({ rawJetStream, skeleton, workload }: BenchResults): string {
  const ratio = skeleton.callsPerSecond / rawJetStream.callsPerSecond;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return `Targets of the triage issue: at least ${SKELETON_TARGETS.ratio} of the baseline's calls/s (${share(ratio, 1)}: ${met(ratio >= SKELETON_TARGETS.ratio)}),
and p99 under ${SKELETON_TARGETS.busyP99Ms} ms at ${workload.busyPerSecond} calls/s (${ms(skeleton.busyLatency.p99)}: ${met(skeleton.busyLatency.p99 < SKELETON_TARGETS.busyP99Ms)}).

Where the time goes (\`BENCH_CPU_PROF_DIR=<dir> npm run bench -- skeleton\` writes a CPU profile of the Vigil process):
Vigil runs every app in one Node process, so one core, and spends ${skeleton.cpuMsPerCall === undefined ? 'about 1.2 ms' : `${skeleton.cpuMsPerCall.toFixed(2)} ms`} of CPU per call. Since the
last report triage takes a batch in a fixed number of round trips (begin, the batch's place locks, the calls
already taken, the open incidents near every call of the batch in one query, references, one statement that
writes every row, commit) and decides the batch in memory; ingest publishes a batch's calls in one socket
write; batch consumers keep one long pull open instead of asking how much waits and lingering for a batch to
fill. A profile of the burst after that (2026-12-02) has the process busy four fifths of the time: socket writes
to NATS about 17% (fewer writes than before by a factor of four, yet their cost follows the bytes: each call
crosses NATS three times, gateway message in, call envelope to CALLS, incident event to INCIDENTS), nats.js
parsing 10%, garbage collection 7%, Postgres writes 5%, zod 3%, the rest spread thin. The 0.6 target needs
well under half of today's CPU per call from this one process, with Postgres and NATS on the same two cores:
not reached. What would move it next: fewer bytes per hop (the call envelope carries the gateway's raw payload
for the audit trail), and apps in their own processes (a deployment's replicas) rather than one.${skeleton.callsPerSecond < workload.busyPerSecond ? ` Meanwhile ${workload.busyPerSecond} calls/s is more than the skeleton sustains (${skeleton.callsPerSecond.toFixed(0)}), so its latency there is a queue growing for ${workload.busyCount / workload.busyPerSecond} s.` : ''}`;
}

function samples(vigil: PhaseResult, workload: Workload): string {
  return `${vigil.burstLatency.count} burst, ${vigil.steadyLatency.count} at ${workload.steadyPerSecond} calls/s, ${vigil.busyLatency.count} at ${workload.busyPerSecond} calls/s (after ${workload.warmup} warm-up calls)`;
}

function callsTable(baseline: PhaseResult, vigil: PhaseResult, column: string, workload: Workload, memoryRow: string): string {
  return `| measure | baseline (raw JetStream) | ${column} | Vigil ÷ baseline |
|---|---|---|---|
| sustained calls/s (${workload.burst} calls, ${workload.window} in flight) | ${baseline.callsPerSecond.toFixed(0)} | ${vigil.callsPerSecond.toFixed(0)} | ${share(vigil.callsPerSecond, baseline.callsPerSecond)} |
| latency p50 at ${workload.steadyPerSecond} calls/s | ${ms(baseline.steadyLatency.p50)} | ${ms(vigil.steadyLatency.p50)} | ${ratio(vigil.steadyLatency.p50, baseline.steadyLatency.p50)} |
| latency p99 at ${workload.steadyPerSecond} calls/s | ${ms(baseline.steadyLatency.p99)} | ${ms(vigil.steadyLatency.p99)} | ${ratio(vigil.steadyLatency.p99, baseline.steadyLatency.p99)} |
| latency p50 at ${workload.busyPerSecond} calls/s | ${ms(baseline.busyLatency.p50)} | ${ms(vigil.busyLatency.p50)} | ${ratio(vigil.busyLatency.p50, baseline.busyLatency.p50)} |
| latency p99 at ${workload.busyPerSecond} calls/s | ${ms(baseline.busyLatency.p99)} | ${ms(vigil.busyLatency.p99)} | ${ratio(vigil.busyLatency.p99, baseline.busyLatency.p99)} |
| latency p50 during the burst | ${ms(baseline.burstLatency.p50)} | ${ms(vigil.burstLatency.p50)} | ${ratio(vigil.burstLatency.p50, baseline.burstLatency.p50)} |
| latency p99 during the burst | ${ms(baseline.burstLatency.p99)} | ${ms(vigil.burstLatency.p99)} | ${ratio(vigil.burstLatency.p99, baseline.burstLatency.p99)} |
| ${memoryRow} | — | ${mib(vigil.peakRssMiB)} | — |${cpuRow(vigil)}`;
}

function cpuRow(vigil: PhaseResult): string {
  if (vigil.cpuMsPerCall === undefined) return '';
  return `\n| CPU time of the Vigil process per call (every phase, warm-up included) | — | ${vigil.cpuMsPerCall.toFixed(2)} ms | — |`;
}

function gatewaySection(title: string, source: string, subject: string, family: string, vigil: PhaseResult, results: BenchResults): string {
  const { workload, rawJetStream } = results;
  return `## Gateway adapter: ${title} → ingest → CALLS stream

The bench process publishes to \`${subject}\` as the ${source} gateway would (JetStream msgID
\`<gateway>:<messageId>\`); latency runs until the normalised call, matched by its callKey
\`${family}:<gateway>:<messageId>\`, reaches an ordered consumer on \`call.>\` in the bench process. Triage, in
the same Vigil process, files the calls meanwhile; each phase starts once it has caught up. The baseline is the
same raw JetStream publish → consume as above.

${callsTable(rawJetStream, vigil, `Vigil ${source} adapter`, workload, 'peak resident memory of the Vigil process during this measurement')}

Samples: ${samples(vigil, workload)}.

${REPRODUCE}`;
}

function dc09Section({ dc09Workload: w, dc09: { baseline, vigil } }: BenchResults): string {
  return `## SIA DC-09 alarm receiver over TCP: ${w.panels} panels → ACK

${w.panels} alarm accounts are registered over the REST API first; then ${w.panels} panels, each its own account and TCP
connection, send SIA-DCS burglary signals (\`#<account>|Nri1/BA<zone>\`, the sequence number and the zone
incrementing) and, like a real panel, wait for each reply before sending the next. Latency runs from writing a
frame to having parsed its reply. The receiver runs in ingest started as its own process (\`dist/apps/ingest/src/main.js\`)
for this measurement alone; it answers each frame only after looking the account up (in its register cache, filled
from Postgres) and publishing the alarm's call to JetStream. The baseline is a TCP server in the bench process that splits the same
frames with the receiver's \`FrameSplitter\` and answers each with one pre-built ACK, driven by the same client:
what sockets and framing alone cost.

| measure | baseline (framing TCP server, fixed ACK) | Vigil DC-09 receiver | Vigil ÷ baseline |
|---|---|---|---|
| sustained signals/s (${w.panels} panels × ${w.signalsPerPanel} signals, one in flight per panel) | ${baseline.signalsPerSecond.toFixed(0)} | ${vigil.signalsPerSecond.toFixed(0)} | ${share(vigil.signalsPerSecond, baseline.signalsPerSecond)} |
| ACK latency p50 | ${ms(baseline.ackLatency.p50)} | ${ms(vigil.ackLatency.p50)} | ${ratio(vigil.ackLatency.p50, baseline.ackLatency.p50)} |
| ACK latency p99 | ${ms(baseline.ackLatency.p99)} | ${ms(vigil.ackLatency.p99)} | ${ratio(vigil.ackLatency.p99, baseline.ackLatency.p99)} |
| replies that were not an ACK (must be 0) | ${baseline.nonAcks} | ${vigil.nonAcks} | — |
| ACKs not echoing the frame's sequence and account (must be 0) | not checked (fixed ACK) | ${vigil.unechoed} | — |
| CPU time of the ingest process per signal (warm-up included) | — | ${vigil.cpuMsPerSignal === undefined ? '—' : `${vigil.cpuMsPerSignal.toFixed(2)} ms`} | — |
| peak resident memory of the ingest process during this measurement | — | ${mib(vigil.peakRssMiB)} | — |

Samples: ${vigil.ackLatency.count} ACKs on Vigil, ${baseline.ackLatency.count} on the baseline (after ${w.warmupPerPanel} warm-up signals per panel;
non-ACK counts include the warm-up). \`npm run bench -- dc09\` runs this pair alone (figures in \`.bench/dc09.json\`).${nonAckNote(vigil)}

${REPRODUCE}`;
}

function nonAckNote(vigil: Dc09Result): string {
  if (vigil.nonAcks === 0) return '';
  return `\n\n**This run failed: Vigil answered ${vigil.nonAcks} frame(s) with something other than an ACK**, e.g.\n\n${vigil.nonAckSamples.map((s) => `    ${s}`).join('\n')}`;
}

/** The faults issue's scale targets: signals/s of the watchdog, and video loss to ticket within the debounce plus this. */
const FAULTS_TARGETS = { signalsPerSecond: 10_000, ticketAfterDebounceMs: 1_000 };

/** The camera health watchdog: heartbeats of a national deployment's cameras, and a video loss timed to its ticket. */
export function faultsSection(faults: FaultsResult): string {
  const { workload } = faults;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const beyond = faults.videoLossToTicketMs.map((t) => t - faults.debounceMs);
  const worst = Math.max(...beyond);
  return `## Camera health watchdog: VMS heartbeats → faults (in memory, transitions only) → ticket

Faults runs alone in its own process with the default health policy; the bench publishes ${workload.rounds} heartbeats for each of
${workload.cameras.toLocaleString('en-GB')} cameras on \`vms.<vms>.camera.<camera>.heartbeat\` (${workload.rounds * workload.cameras} signals, plain publishes as a VMS sends them, flushed every 2,000),
and counts until the watchdog's own consumer has acked every one the stream stored. The baseline is the same payloads through raw JetStream
(a stream and a durable pull consumer acking each message), same publisher, same run. Then ${workload.videoLossCameras} registered cameras lose video;
each is timed from the publish to its ticket in \`GET /api/tickets\` (polled every 20 ms).

| measure | baseline (raw JetStream) | faults watchdog | Vigil ÷ baseline |
|---|---|---|---|
| heartbeats/s | ${faults.baselineSignalsPerSecond.toFixed(0)} | ${faults.signalsPerSecond.toFixed(0)} | ${share(faults.signalsPerSecond, faults.baselineSignalsPerSecond)} |
| CPU per signal (faults process) | | ${faults.cpuMsPerSignal.toFixed(3)} ms | |
| peak resident memory (faults process) | | ${mib(faults.peakRssMiB)} | |
| video loss → ticket (debounce ${faults.debounceMs / 1000} s) | | ${faults.videoLossToTicketMs.map(ms).join(', ')} | |

Targets of the faults issue: at least ${FAULTS_TARGETS.signalsPerSecond.toLocaleString('en-GB')} signals/s (${faults.signalsPerSecond.toFixed(0)}: ${met(faults.signalsPerSecond >= FAULTS_TARGETS.signalsPerSecond)}),
video loss to ticket within the debounce and ${FAULTS_TARGETS.ticketAfterDebounceMs} ms (worst ${ms(worst)} beyond it: ${met(worst < FAULTS_TARGETS.ticketAfterDebounceMs)}).
Reproduce this section alone: \`npm run build && node dist/bench/run-bench.js faults\`.`;
}

/** The earlier commit's shares beside this run's: the evidence for "no regression". */
function earlierSection({ earlier, ...now }: BenchResults): string {
  if (earlier === undefined) {
    return `## Against an earlier commit

This run was not compared with an earlier commit. \`bash scripts/bench-against.sh <commit>\` measures that commit
on this machine, then this checkout, and puts both here: a share from another day's run on a shared machine
says more about that day's load than about the code.`;
  }
  const rows = compareShares(earlier.results, now).map(
    (c) => `| ${c.measure} | ${c.earlier.toFixed(3)} | ${c.now.toFixed(3)} | ${verdict(c) === 'worse' ? '**worse**' : verdict(c)} |`,
  );
  return `## Against an earlier commit: ${earlier.commit}

\`bash scripts/bench-against.sh ${earlier.commit}\` ran that commit's own \`npm run bench\` on this machine just
before this run. Each figure is Vigil's share of the baseline measured in its own run. A change within ${NOISE * 100}% either
way counts as noise: repeated runs of one commit here differ by that much on the adapters.

| measure | ${earlier.commit} ÷ its baseline | this run ÷ its baseline | change |
|---|---|---|---|
${rows.join('\n')}`;
}

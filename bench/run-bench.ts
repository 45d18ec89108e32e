import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestEnvironment } from '../test/support/test-environment';
import { benchAccounts } from './dc09-panels';
import { runDc09Vigil } from './dc09-vigil';
import { benchFaultsWorkload, FaultsResult, runFaultsWatchdog } from './faults-watchdog';
import { readEarlierRun } from './earlier-run';
import { runGatewayAdapters } from './gateway-adapters';
import { alertmanagerRan, NotifyResult, runNotifyPair, vigilMeasured } from './notify-pair';
import { benchNotifyWorkload } from './notify-phases';
import { notifySection } from './notify-report';
import { runRawJetStream } from './raw-jetstream';
import { BenchResults, faultsSection, renderReport } from './report';
import { startIngest } from './start-ingest';
import { startVigil } from './start-vigil';
import { runTcpAckBaseline } from './tcp-ack-baseline';
import { runVigilSkeleton } from './vigil-skeleton';
import { benchDc09Workload, benchWorkload, Dc09Result, Dc09Workload, PhaseResult } from './workload';

const ROOT = join(__dirname, '..', '..');

const say = (text: string) => process.stdout.write(`${text}\n`);
const calls = (r: PhaseResult) =>
  `  ${r.callsPerSecond.toFixed(0)} calls/s, steady p50 ${r.steadyLatency.p50.toFixed(1)} ms p99 ${r.steadyLatency.p99.toFixed(1)} ms` +
  `, busy p50 ${r.busyLatency.p50.toFixed(1)} ms p99 ${r.busyLatency.p99.toFixed(1)} ms, burst p50 ${r.burstLatency.p50.toFixed(1)} ms` +
  (r.cpuMsPerCall === undefined ? '' : `, ${r.cpuMsPerCall.toFixed(2)} ms CPU per call`);
const signals = (r: Dc09Result) =>
  `  ${r.signalsPerSecond.toFixed(0)} signals/s, ACK p50 ${r.ackLatency.p50.toFixed(1)} ms p99 ${r.ackLatency.p99.toFixed(1)} ms, ${r.nonAcks} non-ACK` +
  (r.cpuMsPerSignal === undefined ? '' : `, ${r.cpuMsPerSignal.toFixed(2)} ms CPU per signal`);

/**
 * Baselines first, on a quiet machine; then one Vigil process for the pipeline measurements and
 * ingest alone in its own process for the DC-09 receiver. `npm run bench -- dc09` runs only the
 * DC-09 pair (baseline and receiver), `npm run bench -- skeleton` only the skeleton pair,
 * `npm run bench -- faults` only the camera health watchdog pair, `npm run bench -- notify` only notify beside
 * Alertmanager; each leaves BENCHMARKS.md alone. `BENCH_CPU_PROF_DIR` makes every Vigil process write a CPU profile there.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (target === 'dc09') return dc09Only();
  if (target === 'skeleton') return skeletonOnly();
  if (target === 'faults') return faultsOnly();
  if (target === 'notify') return notifyOnly();
  if (target !== undefined) throw new Error(`unknown bench target "${target}": give none for every measurement, "dc09", "skeleton", "faults" or "notify"`);
  const earlier = readEarlierRun(process.env.BENCH_EARLIER);
  const workload = benchWorkload();
  const dc09Workload = benchDc09Workload();
  const accounts = benchAccounts(dc09Workload);
  const env = await createTestEnvironment('bench');
  try {
    say('baseline: raw JetStream publish → consume …');
    const rawJetStream = await runRawJetStream(env.natsUrl, env.namespace, workload);
    say(calls(rawJetStream));
    say(`baseline: framing TCP server answering a fixed ACK, ${dc09Workload.panels} panels …`);
    const dc09Baseline = await runTcpAckBaseline(accounts, dc09Workload);
    say(signals(dc09Baseline));

    const vigil = await startVigil(env.env, env.natsUrl, env.namespace, { cpuProfileDir: process.env.BENCH_CPU_PROF_DIR });
    let pipeline: Pick<BenchResults, 'skeleton' | 'gatewayAdapters'>;
    try {
      say('vigil: gateway → ingest → triage → dashboard socket …');
      const skeleton = await runVigilSkeleton(vigil, env.natsUrl, env.namespace, workload);
      say(calls(skeleton));
      await vigil.idle();
      say('vigil: Town Link and Airwave gateway adapters → CALLS …');
      const gatewayAdapters = await runGatewayAdapters(vigil, env.natsUrl, env.namespace, workload);
      say(`${calls(gatewayAdapters.townlink)} (Town Link)\n${calls(gatewayAdapters.airwave)} (Airwave)`);
      pipeline = { skeleton, gatewayAdapters };
    } finally {
      await vigil.stop();
    }
    // With the embedded Vigil stopped, nothing but the ingest under test competes for the CPU.
    const dc09Vigil = await measureDc09(env.env, accounts, dc09Workload);
    const faults = await measureFaults(env.env, env.natsUrl, env.namespace);
    const notify = await measureNotify();
    const results: BenchResults = { when: new Date(), workload, dc09Workload, rawJetStream, ...pipeline, dc09: { baseline: dc09Baseline, vigil: dc09Vigil }, faults, notify, earlier };

    writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderReport(results));
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'results.json'), JSON.stringify(results, null, 2));
    say('wrote BENCHMARKS.md and .bench/results.json');
    const failures = correctnessFailures(results);
    if (failures.length > 0) {
      process.stderr.write(`bench failed: ${failures.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await env.dispose();
  }
}

/** The DC-09 receiver in ingest started for this measurement alone, so nothing else runs in its process. */
async function measureDc09(env: Record<string, string>, accounts: readonly string[], workload: Dc09Workload): Promise<Dc09Result> {
  say(`vigil: DC-09 receiver over TCP in ingest as its own process, ${workload.panels} panels …`);
  const ingest = await startIngest(env, { cpuProfileDir: process.env.BENCH_CPU_PROF_DIR });
  try {
    const result = await runDc09Vigil(ingest, accounts, workload);
    say(signals(result));
    return result;
  } finally {
    await ingest.stop();
  }
}

/** The camera health watchdog (faults alone in its own process) beside raw JetStream carrying the same heartbeats. */
async function measureFaults(env: Record<string, string>, natsUrl: string, namespace: string): Promise<FaultsResult> {
  const workload = benchFaultsWorkload();
  say(`faults: ${workload.cameras} cameras' heartbeats through raw JetStream, then the health watchdog; video loss → ticket …`);
  const result = await runFaultsWatchdog(env, natsUrl, namespace, workload);
  say(
    `  baseline ${result.baselineSignalsPerSecond.toFixed(0)} signals/s, watchdog ${result.signalsPerSecond.toFixed(0)} signals/s` +
      ` (${(result.signalsPerSecond / result.baselineSignalsPerSecond).toFixed(3)} of it), ${result.cpuMsPerSignal.toFixed(3)} ms CPU per signal,` +
      ` peak ${result.peakRssMiB?.toFixed(0) ?? '?'} MiB, video loss → ticket ${result.videoLossToTicketMs.map((t) => `${t.toFixed(0)} ms`).join(', ')} (debounce ${result.debounceMs} ms)`,
  );
  return result;
}

/** `npm run bench -- faults`: the watchdog pair alone, printed and saved to .bench/faults.json; BENCHMARKS.md is left alone. */
async function faultsOnly(): Promise<void> {
  const env = await createTestEnvironment('benchfaults');
  try {
    const faults = await measureFaults(env.env, env.natsUrl, env.namespace);
    say(faultsSection(faults));
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'faults.json'), JSON.stringify({ when: new Date(), faults }, null, 2));
    say('wrote .bench/faults.json');
  } finally {
    await env.dispose();
  }
}

/** Notify alone in its own process beside Alertmanager (when installed), each given the same incidents; in a namespace and database of its own. */
async function measureNotify(): Promise<NotifyResult> {
  const workload = benchNotifyWorkload();
  say(`notify: ${workload.burst} incident events as fast as ${workload.window} in flight allow, then ${workload.pacedPerSecond}/s for ${workload.pacedSeconds} s → webhook; Alertmanager given the same alerts …`);
  const result = await runNotifyPair(workload);
  const { alertmanager: am, vigil } = result;
  const line = (name: string, r: { burst: { alertsPerSecond: number; missing: number }; paced: { latency: { p50: number; p99: number }; missing: number } }) =>
    `  ${name}: ${r.burst.alertsPerSecond.toFixed(0)} events/s, at ${workload.pacedPerSecond}/s p50 ${r.paced.latency.p50.toFixed(1)} ms p99 ${r.paced.latency.p99.toFixed(1)} ms, ${r.burst.missing + r.paced.missing} never delivered`;
  say(alertmanagerRan(am) ? line('alertmanager', am) : `  alertmanager skipped: ${am.skipped}`);
  say(vigilMeasured(vigil) ? `${line('vigil notify', vigil)}, every delivery in the log: ${vigil.everyDeliveryInLog ? 'yes' : 'no'}` : `  vigil notify failed: ${vigil.failed}`);
  return result;
}

/** `npm run bench -- notify`: notify beside Alertmanager, printed and saved to .bench/notify.json; BENCHMARKS.md is left alone. */
async function notifyOnly(): Promise<void> {
  const notify = await measureNotify();
  say(notifySection(notify));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'notify.json'), JSON.stringify({ when: new Date(), notify }, null, 2));
  say('wrote .bench/notify.json');
  const failures = notifyFailures(notify);
  if (failures.length > 0) {
    process.stderr.write(`bench failed: ${failures.join('; ')}\n`);
    process.exitCode = 1;
  }
}

/** `npm run bench -- skeleton`: the raw baseline and the walking skeleton, printed and saved to .bench/skeleton.json. */
async function skeletonOnly(): Promise<void> {
  const workload = benchWorkload();
  const env = await createTestEnvironment('benchskel');
  try {
    say('baseline: raw JetStream publish → consume …');
    const rawJetStream = await runRawJetStream(env.natsUrl, env.namespace, workload);
    say(calls(rawJetStream));
    const vigil = await startVigil(env.env, env.natsUrl, env.namespace, { cpuProfileDir: process.env.BENCH_CPU_PROF_DIR });
    let skeleton: PhaseResult;
    try {
      say('vigil: gateway → ingest → triage → dashboard socket …');
      skeleton = await runVigilSkeleton(vigil, env.natsUrl, env.namespace, workload);
      say(calls(skeleton));
    } finally {
      await vigil.stop();
    }
    say(`  Vigil ÷ baseline: ${(skeleton.callsPerSecond / rawJetStream.callsPerSecond).toFixed(3)} of the calls/s`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'skeleton.json'), JSON.stringify({ when: new Date(), workload, rawJetStream, skeleton }, null, 2));
    say('wrote .bench/skeleton.json');
  } finally {
    await env.dispose();
  }
}

/** `npm run bench -- dc09`: the framing baseline and the receiver, printed and saved to .bench/dc09.json. */
async function dc09Only(): Promise<void> {
  const dc09Workload = benchDc09Workload();
  const accounts = benchAccounts(dc09Workload);
  const env = await createTestEnvironment('benchdc09');
  try {
    say(`baseline: framing TCP server answering a fixed ACK, ${dc09Workload.panels} panels …`);
    const baseline = await runTcpAckBaseline(accounts, dc09Workload);
    say(signals(baseline));
    const vigil = await measureDc09(env.env, accounts, dc09Workload);
    say(`  Vigil ÷ baseline: ${(vigil.signalsPerSecond / baseline.signalsPerSecond).toFixed(3)} of the signals/s`);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'dc09.json'), JSON.stringify({ when: new Date(), dc09Workload, baseline, vigil }, null, 2));
    say('wrote .bench/dc09.json');
    const failures = dc09Failures(baseline, vigil);
    if (failures.length > 0) {
      process.stderr.write(`bench failed: ${failures.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await env.dispose();
  }
}

/** A fast receiver that answers wrongly is not a result: these make the run fail after the report is written. */
function correctnessFailures({ dc09, notify }: BenchResults): string[] {
  return [...dc09Failures(dc09.baseline, dc09.vigil), ...(notify ? notifyFailures(notify) : [])];
}

/** Notify must deliver every incident once, signed, with every delivery in its log; an Alertmanager that loses alerts is no baseline. */
function notifyFailures({ vigil, alertmanager }: NotifyResult): string[] {
  if (!vigilMeasured(vigil)) return [`notify could not be measured: ${vigil.failed}`];
  const failures: string[] = [];
  const missing = vigil.burst.missing + vigil.paced.missing;
  if (missing > 0) failures.push(`${missing} incident(s) never reached notify's webhook receiver`);
  if (vigil.repeats > 0) failures.push(`notify told the receiver about ${vigil.repeats} incident(s) more than once`);
  if (vigil.refused > 0) failures.push(`the receiver refused ${vigil.refused} of notify's requests for their signature`);
  if (!vigil.everyDeliveryInLog) failures.push(`notify's delivery log does not hold every delivery (${vigil.log.delivered} delivered of ${vigil.log.expected}, ${vigil.log.rows} rows)`);
  if (alertmanagerRan(alertmanager) && alertmanager.burst.missing + alertmanager.paced.missing > 0) failures.push(`Alertmanager lost ${alertmanager.burst.missing + alertmanager.paced.missing} alert(s): its figures are no baseline`);
  return failures;
}

function dc09Failures(baseline: Dc09Result, vigil: Dc09Result): string[] {
  const failures: string[] = [];
  if (vigil.nonAcks > 0) failures.push(`Vigil's DC-09 receiver answered ${vigil.nonAcks} frame(s) with something other than an ACK (${vigil.nonAckSamples.join(' | ')})`);
  if (vigil.unechoed > 0) failures.push(`${vigil.unechoed} of Vigil's ACKs did not echo the frame's sequence and account`);
  if (baseline.nonAcks > 0) failures.push(`the TCP ACK baseline answered ${baseline.nonAcks} frame(s) with something other than an ACK`);
  return failures;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});

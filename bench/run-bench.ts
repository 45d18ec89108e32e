import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestEnvironment } from '../test/support/test-environment';
import { benchAccounts } from './dc09-panels';
import { runDc09Vigil } from './dc09-vigil';
import { benchFaultsWorkload, FaultsResult, runFaultsWatchdog } from './faults-watchdog';
import { readEarlierRun } from './earlier-run';
import { runGatewayAdapters } from './gateway-adapters';
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
 * `npm run bench -- faults` only the camera health watchdog pair; each leaves BENCHMARKS.md alone. `BENCH_CPU_PROF_DIR` makes every Vigil process write a CPU profile there.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (target === 'dc09') return dc09Only();
  if (target === 'skeleton') return skeletonOnly();
  if (target === 'faults') return faultsOnly();
  if (target !== undefined) throw new Error(`unknown bench target "${target}": give none for every measurement, "dc09", "skeleton" or "faults"`);
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
    const results: BenchResults = { when: new Date(), workload, dc09Workload, rawJetStream, ...pipeline, dc09: { baseline: dc09Baseline, vigil: dc09Vigil }, faults, earlier };

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
function correctnessFailures({ dc09 }: BenchResults): string[] {
  return dc09Failures(dc09.baseline, dc09.vigil);
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

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestEnvironment } from '../test/support/test-environment';
import { benchAccounts } from './dc09-panels';
import { runDc09Vigil } from './dc09-vigil';
import { runGatewayAdapters } from './gateway-adapters';
import { runRawJetStream } from './raw-jetstream';
import { BenchResults, renderReport } from './report';
import { startVigil } from './start-vigil';
import { runTcpAckBaseline } from './tcp-ack-baseline';
import { runVigilSkeleton } from './vigil-skeleton';
import { benchDc09Workload, benchWorkload, Dc09Result, PhaseResult } from './workload';

const ROOT = join(__dirname, '..', '..');

const say = (text: string) => process.stdout.write(`${text}\n`);
const calls = (r: PhaseResult) =>
  `  ${r.callsPerSecond.toFixed(0)} calls/s, steady p50 ${r.steadyLatency.p50.toFixed(1)} ms p99 ${r.steadyLatency.p99.toFixed(1)} ms`;
const signals = (r: Dc09Result) =>
  `  ${r.signalsPerSecond.toFixed(0)} signals/s, ACK p50 ${r.ackLatency.p50.toFixed(1)} ms p99 ${r.ackLatency.p99.toFixed(1)} ms, ${r.nonAcks} non-ACK`;

/** Baselines first, on a quiet machine; then one Vigil process for every Vigil measurement. */
async function main(): Promise<void> {
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

    const vigil = await startVigil(env.env, env.natsUrl, env.namespace);
    let results: BenchResults;
    try {
      say('vigil: gateway → ingest → triage → dashboard socket …');
      const skeleton = await runVigilSkeleton(vigil, env.natsUrl, env.namespace, workload);
      say(calls(skeleton));
      await vigil.idle();
      say('vigil: Town Link and Airwave gateway adapters → CALLS …');
      const gatewayAdapters = await runGatewayAdapters(vigil, env.natsUrl, env.namespace, workload);
      say(`${calls(gatewayAdapters.townlink)} (Town Link)\n${calls(gatewayAdapters.airwave)} (Airwave)`);
      say(`vigil: DC-09 receiver over TCP, ${dc09Workload.panels} panels …`);
      const dc09Vigil = await runDc09Vigil(vigil, accounts, dc09Workload);
      say(signals(dc09Vigil));
      results = { when: new Date(), workload, dc09Workload, rawJetStream, skeleton, gatewayAdapters, dc09: { baseline: dc09Baseline, vigil: dc09Vigil } };
    } finally {
      await vigil.stop();
    }

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

/** A fast receiver that answers wrongly is not a result: these make the run fail after the report is written. */
function correctnessFailures({ dc09 }: BenchResults): string[] {
  const failures: string[] = [];
  if (dc09.vigil.nonAcks > 0) failures.push(`Vigil's DC-09 receiver answered ${dc09.vigil.nonAcks} frame(s) with something other than an ACK (${dc09.vigil.nonAckSamples.join(' | ')})`);
  if (dc09.vigil.unechoed > 0) failures.push(`${dc09.vigil.unechoed} of Vigil's ACKs did not echo the frame's sequence and account`);
  if (dc09.baseline.nonAcks > 0) failures.push(`the TCP ACK baseline answered ${dc09.baseline.nonAcks} frame(s) with something other than an ACK`);
  return failures;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});

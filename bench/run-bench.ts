import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestEnvironment } from '../test/support/test-environment';
import { runRawJetStream } from './raw-jetstream';
import { renderReport } from './report';
import { runVigilSkeleton } from './vigil-skeleton';
import { benchWorkload } from './workload';

const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const workload = benchWorkload();
  const env = await createTestEnvironment('bench');
  try {
    process.stdout.write('baseline: raw JetStream publish → consume …\n');
    const baseline = await runRawJetStream(env.natsUrl, env.namespace, workload);
    process.stdout.write(`  ${baseline.callsPerSecond.toFixed(0)} calls/s, steady p50 ${baseline.steadyLatency.p50.toFixed(1)} ms p99 ${baseline.steadyLatency.p99.toFixed(1)} ms\n`);
    process.stdout.write('vigil: gateway → ingest → triage → dashboard socket …\n');
    const vigil = await runVigilSkeleton(env.env, env.natsUrl, env.namespace, workload);
    process.stdout.write(`  ${vigil.callsPerSecond.toFixed(0)} calls/s, steady p50 ${vigil.steadyLatency.p50.toFixed(1)} ms p99 ${vigil.steadyLatency.p99.toFixed(1)} ms\n`);
    const when = new Date();
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderReport(baseline, vigil, workload, when));
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(join(ROOT, '.bench', 'results.json'), JSON.stringify({ when, workload: { ...workload, payload: undefined }, baseline, vigil }, null, 2));
    process.stdout.write('wrote BENCHMARKS.md\n');
  } finally {
    await env.dispose();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
  process.exit(1);
});

import { cpus } from 'node:os';
import { PhaseResult, Workload } from './workload';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/** BENCHMARKS.md: the figures of one run beside its baseline, and the command that made them. */
export function renderReport(baseline: PhaseResult, vigil: PhaseResult, workload: Workload, when: Date): string {
  return `# Benchmarks

Made by \`npm run bench\` on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC, on this project's machine
(${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}), against the local NATS and Postgres.
Every figure is from one run; compare ratios between runs, not absolute numbers, since the machine is shared.

## Walking skeleton: Airwave gateway → ingest → triage (Postgres, outbox) → dashboard socket.io

The bench process publishes Airwave SDS messages as a gateway would; Vigil runs as \`npm start\` runs it
(every app in one process, demo feed off) in a separate process; latency is measured from the gateway's
publish to the moment a police dashboard socket.io client receives the incident.
The baseline is raw JetStream: the same payloads published to a stream and read back by a durable pull
consumer with explicit acks, no services in between.

| measure | baseline (raw JetStream) | Vigil skeleton | Vigil ÷ baseline |
|---|---|---|---|
| sustained calls/s (${workload.burst} calls, ${workload.window} in flight) | ${baseline.callsPerSecond.toFixed(0)} | ${vigil.callsPerSecond.toFixed(0)} | ${(vigil.callsPerSecond / baseline.callsPerSecond).toFixed(3)} |
| latency p50 at ${workload.steadyPerSecond} calls/s | ${ms(baseline.steadyLatency.p50)} | ${ms(vigil.steadyLatency.p50)} | ${ratio(vigil.steadyLatency.p50, baseline.steadyLatency.p50)} |
| latency p99 at ${workload.steadyPerSecond} calls/s | ${ms(baseline.steadyLatency.p99)} | ${ms(vigil.steadyLatency.p99)} | ${ratio(vigil.steadyLatency.p99, baseline.steadyLatency.p99)} |
| latency p50 during the burst | ${ms(baseline.burstLatency.p50)} | ${ms(vigil.burstLatency.p50)} | ${ratio(vigil.burstLatency.p50, baseline.burstLatency.p50)} |
| latency p99 during the burst | ${ms(baseline.burstLatency.p99)} | ${ms(vigil.burstLatency.p99)} | ${ratio(vigil.burstLatency.p99, baseline.burstLatency.p99)} |
| peak resident memory of the Vigil process | — | ${vigil.peakRssMiB?.toFixed(0) ?? '?'} MiB | — |

Samples: ${vigil.steadyLatency.count} steady, ${vigil.burstLatency.count} burst (after ${workload.warmup} warm-up calls).
The goal for later issues is to close the throughput ratio and the latency multiple.

## Reproduce

\`\`\`
npm run bench
\`\`\`

It needs the same local Postgres and NATS as the tests (\`bash scripts/ensure-services.sh\`), uses its own
NATS namespace and database, and removes both when done. Raw figures go to \`.bench/results.json\`.
`;
}

import { readFileSync } from 'node:fs';

/**
 * The figures of an earlier commit's `npm run bench`, measured on the same machine just before
 * this run (scripts/bench-against.sh). A ratio from another day's run on a shared machine says
 * more about that day's load than about the code; a run minutes apart says what the change did.
 */
export interface EarlierRun {
  /** The commit that was measured, as given to the script. */
  commit: string;
  /** Its results.json, read loosely: an older bench may lack phases that this one has. */
  results: EarlierResults;
}

interface Throughput {
  callsPerSecond: number;
}

interface EarlierResults {
  rawJetStream: Throughput;
  skeleton: Throughput;
  gatewayAdapters: { townlink: Throughput; airwave: Throughput };
  dc09: { baseline: { signalsPerSecond: number }; vigil: { signalsPerSecond: number } };
}

/** `BENCH_EARLIER=<file>` names the earlier run; without it the report has no comparison. */
export function readEarlierRun(file: string | undefined): EarlierRun | undefined {
  if (file === undefined || file === '') return undefined;
  const run = JSON.parse(readFileSync(file, 'utf8')) as EarlierRun;
  if (typeof run.commit !== 'string' || typeof run.results?.rawJetStream?.callsPerSecond !== 'number') {
    throw new Error(`BENCH_EARLIER=${file} is not an earlier run written by scripts/bench-against.sh`);
  }
  return run;
}

/** One throughput share of its baseline, then and now. */
export interface ShareComparison {
  measure: string;
  earlier: number;
  now: number;
}

/**
 * A share may wobble by this much between two runs of the same code on this machine: three runs of
 * 0903f2c on 2026-12-02 gave its Airwave adapter 0.335, 0.419 and 0.433 of the baseline.
 */
export const NOISE = 0.25;

export type Verdict = 'better' | 'same within noise' | 'worse';

/** Worse only when the drop is beyond what two runs of the same code differ by. */
export function verdict({ earlier, now }: Pick<ShareComparison, 'earlier' | 'now'>): Verdict {
  if (now >= earlier * (1 + NOISE)) return 'better';
  if (now > earlier * (1 - NOISE)) return 'same within noise';
  return 'worse';
}

interface Shares {
  rawJetStream: Throughput;
  skeleton: Throughput;
  gatewayAdapters: { townlink: Throughput; airwave: Throughput };
  dc09: { baseline: { signalsPerSecond: number }; vigil: { signalsPerSecond: number } };
}

/** Every throughput this bench holds to "no regression", each as its share of its own run's baseline. */
export function compareShares(earlier: Shares, now: Shares): ShareComparison[] {
  const share = (r: Shares, vigil: Throughput) => vigil.callsPerSecond / r.rawJetStream.callsPerSecond;
  const dc09 = (r: Shares) => r.dc09.vigil.signalsPerSecond / r.dc09.baseline.signalsPerSecond;
  return [
    { measure: 'walking skeleton calls/s', earlier: share(earlier, earlier.skeleton), now: share(now, now.skeleton) },
    { measure: 'Town Link adapter calls/s', earlier: share(earlier, earlier.gatewayAdapters.townlink), now: share(now, now.gatewayAdapters.townlink) },
    { measure: 'Airwave adapter calls/s', earlier: share(earlier, earlier.gatewayAdapters.airwave), now: share(now, now.gatewayAdapters.airwave) },
    { measure: 'DC-09 receiver signals/s', earlier: dc09(earlier), now: dc09(now) },
  ];
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareShares, readEarlierRun, verdict } from './earlier-run';

describe('verdict on a share then and now', () => {
  it.each([
    [0.335, 0.662, 'better'],
    [0.4, 0.5, 'better'],
    [0.4, 0.49, 'same within noise'],
    [0.4, 0.4, 'same within noise'],
    [0.4, 0.31, 'same within noise'],
    [0.4, 0.3, 'worse'],
    [0.745, 0.334, 'worse'],
  ])('%d then, %d now: %s', (earlier, now, expected) => {
    expect(verdict({ earlier, now })).toBe(expected);
  });
});

describe('compareShares', () => {
  const run = (raw: number, skeleton: number, townlink: number, airwave: number, tcp: number, dc09: number) => ({
    rawJetStream: { callsPerSecond: raw },
    skeleton: { callsPerSecond: skeleton },
    gatewayAdapters: { townlink: { callsPerSecond: townlink }, airwave: { callsPerSecond: airwave } },
    dc09: { baseline: { signalsPerSecond: tcp }, vigil: { signalsPerSecond: dc09 } },
  });

  it('divides each run by its own baseline, so a faster machine that day is not a faster Vigil', () => {
    const shares = compareShares(run(10_000, 500, 4000, 4000, 30_000, 3000), run(5000, 500, 2000, 2500, 15_000, 1500));
    expect(shares.map((s) => [s.measure, s.earlier, s.now])).toEqual([
      ['walking skeleton calls/s', 0.05, 0.1],
      ['Town Link adapter calls/s', 0.4, 0.4],
      ['Airwave adapter calls/s', 0.4, 0.5],
      ['DC-09 receiver signals/s', 0.1, 0.1],
    ]);
  });
});

describe('readEarlierRun', () => {
  const file = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'earlier-run-')), 'earlier.json');
    writeFileSync(path, JSON.stringify(content));
    return path;
  };

  it('is absent without BENCH_EARLIER', () => {
    expect(readEarlierRun(undefined)).toBeUndefined();
    expect(readEarlierRun('')).toBeUndefined();
  });

  it('refuses a file that is not an earlier run, naming it', () => {
    const path = file({ rawJetStream: { callsPerSecond: 1 } });
    expect(() => readEarlierRun(path)).toThrow(`BENCH_EARLIER=${path} is not an earlier run`);
  });

  it('reads a run the script wrote', () => {
    const path = file({ commit: '0903f2c', results: { rawJetStream: { callsPerSecond: 1 } } });
    expect(readEarlierRun(path)?.commit).toBe('0903f2c');
  });
});

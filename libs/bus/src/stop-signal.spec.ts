import { StopSignal } from './stop-signal';

describe('StopSignal', () => {
  it('ends a long pause at once when stopped', async () => {
    const signal = new StopSignal();
    const pause = signal.pause(3_600_000);
    expect(signal.isStopped).toBe(false);
    signal.stop();
    await expect(pause).resolves.toBeUndefined();
    expect(signal.isStopped).toBe(true);
  });
});

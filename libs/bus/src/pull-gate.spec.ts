import { PullGate } from './pull-gate';

describe('PullGate', () => {
  it('stays closed until the last held message is released, then wakes every waiter', async () => {
    const gate = new PullGate();
    await expect(gate.opened()).resolves.toBeUndefined();
    gate.hold();
    gate.hold();
    let woken = 0;
    const waiters = [gate.opened().then(() => woken++), gate.opened().then(() => woken++)];
    gate.release();
    await Promise.resolve();
    expect({ closed: gate.isClosed, woken }).toEqual({ closed: true, woken: 0 });
    gate.release();
    await Promise.all(waiters);
    expect({ closed: gate.isClosed, woken }).toEqual({ closed: false, woken: 2 });
  });
});

import { BatchGatherer } from './batch-gatherer';

/** A run whose batches end when the test says so. */
function recorder() {
  const batches: number[][] = [];
  const ends: (() => void)[] = [];
  const run = (batch: number[]) => {
    batches.push(batch);
    return new Promise<void>((resolve) => ends.push(resolve));
  };
  return { batches, ends, run };
}
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('BatchGatherer', () => {
  it.each<[string, { max: number; parallel: number; arrivals: number[][] }, number[][]]>([
    ['what arrives in one turn is one batch', { max: 10, parallel: 1, arrivals: [[1, 2, 3]] }, [[1, 2, 3]]],
    ['a lone message is a batch at once', { max: 10, parallel: 2, arrivals: [[1]] }, [[1]]],
    ['more than max in one turn is several batches, up to parallel at once', { max: 2, parallel: 2, arrivals: [[1, 2, 3, 4, 5]] }, [[1, 2], [3, 4]]],
    ['turns apart are batches apart while a slot is free', { max: 10, parallel: 2, arrivals: [[1], [2]] }, [[1], [2]]],
    ['with every slot busy, later arrivals wait', { max: 10, parallel: 1, arrivals: [[1], [2], [3]] }, [[1]]],
  ])('%s', async (_case, { max, parallel, arrivals }, started) => {
    const { batches, run } = recorder();
    const gatherer = new BatchGatherer<number>(max, parallel, run);
    for (const turn of arrivals) {
      turn.forEach((item) => gatherer.add(item));
      await nextTurn();
    }
    expect(batches).toEqual(started);
  });

  it('starts what waited as the next batch when one ends, and is idle when all have ended', async () => {
    const { batches, ends, run } = recorder();
    const gatherer = new BatchGatherer<number>(10, 1, run);
    gatherer.add(1);
    await nextTurn();
    [2, 3, 4].forEach((item) => gatherer.add(item));
    await nextTurn();
    expect(gatherer.held).toBe(4);
    expect(gatherer.queued).toEqual([2, 3, 4]);

    let idle = false;
    void gatherer.idle().then(() => (idle = true));
    ends[0]();
    await nextTurn();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(idle).toBe(false);
    ends[1]();
    await nextTurn();
    expect(idle).toBe(true);
    expect(gatherer.held).toBe(0);
  });

  it('says a batch ended only once its messages have left held (what a pull waiting for free slots reads)', async () => {
    const { ends, run } = recorder();
    const heldWhenEnded: number[] = [];
    const gatherer: BatchGatherer<number> = new BatchGatherer<number>(2, 1, run, () => heldWhenEnded.push(gatherer.held));
    [1, 2].forEach((item) => gatherer.add(item));
    await nextTurn();
    ends[0]();
    await nextTurn();
    expect(heldWhenEnded).toEqual([0]);
  });
});

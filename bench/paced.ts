/** Sends `count` items at a steady `perSecond` rate (open loop, so a slow system cannot slow the sender). */
export async function paced(count: number, perSecond: number, send: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(i));
  }
  await Promise.all(pending);
}

/** Sends `count` items as fast as possible with at most `window` in flight. */
export async function windowed(count: number, window: number, send: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: window }, worker));
}

/**
 * Gathers messages into batches the way they arrive: what lands in one turn of the event loop
 * (one socket read's worth) is one batch, up to `max`; no more than `parallel` batches run at
 * once, and what arrives meanwhile waits and becomes the next, larger batch. So a quiet consumer
 * handles a lone message at once, and a busy one hands its handler full batches, without asking
 * the server how much is waiting or lingering for a batch to fill.
 */
export class BatchGatherer<T> {
  private readonly waiting: T[] = [];
  private running = 0;
  private inRunning = 0;
  private scheduled = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly max: number,
    private readonly parallel: number,
    /** Must not reject: it settles its own messages, failures included. */
    private readonly run: (batch: T[]) => Promise<void>,
    /** Called after a batch ended and its messages left {@link held}. */
    private readonly onEnded: () => void = () => undefined,
  ) {}

  /** Messages in hand: waiting for a batch, or in one that runs. */
  get held(): number {
    return this.waiting.length + this.inRunning;
  }

  /** Messages waiting for a batch to start (their ack wait is running: keep them alive). */
  get queued(): readonly T[] {
    return this.waiting;
  }

  add(item: T): void {
    this.waiting.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    // After the rest of this read's messages, which arrive in the same turn.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  /** Resolves once nothing waits and nothing runs. */
  idle(): Promise<void> {
    if (this.held === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private startBatches(): void {
    while (this.running < this.parallel && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.max);
      this.running++;
      this.inRunning += batch.length;
      const ended = () => {
        this.running--;
        this.inRunning -= batch.length;
        this.startBatches();
        if (this.held === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        this.onEnded();
      };
      this.run(batch).then(ended, ended);
    }
  }
}

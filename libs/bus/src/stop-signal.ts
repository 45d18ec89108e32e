/** A one-way switch that ends a runner's waits at once when it stops. */
export class StopSignal {
  private fire!: () => void;
  private fired = false;
  /** Resolves when {@link stop} is called. */
  readonly stopped = new Promise<void>((resolve) => (this.fire = resolve));

  get isStopped(): boolean {
    return this.fired;
  }

  stop(): void {
    this.fired = true;
    this.fire();
  }

  /** Resolves after `ms`, or at once on stop. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void this.stopped.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Closed while any message of a runner is held for a dependency, so that the runner pulls nothing more. */
export class PullGate {
  private held = 0;
  private waiters: (() => void)[] = [];

  get isClosed(): boolean {
    return this.held > 0;
  }

  /** A message starts waiting for a dependency. */
  hold(): void {
    this.held++;
  }

  /** That message goes on (or is handed back); the last one out opens the gate. */
  release(): void {
    if (--this.held === 0) this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves once no message is held. */
  opened(): Promise<void> {
    return this.isClosed ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}

/** One dependency's health. */
export interface HealthCheckResult {
  name: string;
  up: boolean;
  detail?: string;
}

/** A readiness check an app registers: NATS, a Postgres data source, a listener. */
export type HealthCheck = () => Promise<HealthCheckResult>;

/** The checks `/health/ready` runs; each app adds its own at start-up. */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  /** Adds or replaces a named check. */
  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  /** Runs every check with a timeout, so one hung dependency cannot hang the probe. */
  async runAll(timeoutMs = 2_000): Promise<HealthCheckResult[]> {
    return Promise.all(
      [...this.checks.entries()].map(([name, check]) =>
        Promise.race([
          check().catch((error: Error) => ({ name, up: false, detail: error.message })),
          new Promise<HealthCheckResult>((resolve) =>
            setTimeout(() => resolve({ name, up: false, detail: `no answer in ${timeoutMs} ms` }), timeoutMs).unref(),
          ),
        ]),
      ),
    );
  }
}

/** Injection token of the start-up wait limit in seconds (`VIGIL_STARTUP_WAIT_SECONDS`); absent means no limit. */
export const STARTUP_WAIT_SECONDS = Symbol('STARTUP_WAIT_SECONDS');

/** How long to keep trying an unreachable dependency at start-up, and where to say so. */
export interface StartupWait {
  /** Give up (rethrow the last error) after this many seconds; undefined waits for as long as it takes. */
  giveUpAfterSeconds?: number;
  /** Receives one line per failed attempt. */
  log: (line: string) => void;
}

/** A dependency as the log names it: never its URL, which may carry a password. */
export interface DependencyAddress {
  name: string;
  /** `host:port` only. */
  address: string;
}

const DELAYS_SECONDS = [1, 2, 5];

/** Seconds before the next start-up attempt, by failed attempt (1-based): short at first, capped at 5 s. */
export function startupRetryDelaySeconds(attempt: number): number {
  return DELAYS_SECONDS[Math.min(Math.max(attempt, 1), DELAYS_SECONDS.length) - 1];
}

/**
 * Tries `attempt` until it succeeds, logging `waiting for <name> at <host:port> (<why>); retrying in N s`
 * after each failure: a control room's services come up in any order after a power cut.
 */
export async function waitForDependency<T>(dependency: DependencyAddress, attempt: () => Promise<T>, wait: StartupWait): Promise<T> {
  const started = Date.now();
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = startupRetryDelaySeconds(failures);
      const waited = (Date.now() - started) / 1_000;
      if (wait.giveUpAfterSeconds !== undefined && waited + delay > wait.giveUpAfterSeconds) throw error;
      wait.log(`waiting for ${dependency.name} at ${dependency.address} (${(error as Error).message}); retrying in ${delay} s`);
      await new Promise((resolve) => setTimeout(resolve, delay * 1_000));
    }
  }
}

/** `host:port` of a service URL, with the scheme's default port when none is written. */
export function hostAndPort(url: string, defaultPort: number): string {
  // NATS takes a comma-separated list, and servers written without a scheme.
  return url
    .split(',')
    .map((one) => {
      const parsed = new URL(one.includes('://') ? one.trim() : `x://${one.trim()}`);
      return `${parsed.hostname}:${parsed.port || defaultPort}`;
    })
    .join(', ');
}

/** One attempt, no waiting: for probes and tests that want the error at once. */
export const NO_WAIT: StartupWait = { giveUpAfterSeconds: 0, log: () => undefined };

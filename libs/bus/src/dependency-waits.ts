import { messagesWaiting } from '@vigil/observability';

/** One dependency some consumers are waiting for. */
export interface DependencyWait {
  dependency: string;
  consumers: string[];
  reason: string;
}

/**
 * Which consumers of this process are holding messages until a dependency is back. Readiness
 * reads it (an app waiting on Postgres should not get traffic) and it feeds a gauge.
 */
export class DependencyWaits {
  private readonly held = new Map<string, { count: number; reason: string }>();

  /** A message of `consumer` started waiting for `dependency`. */
  begin(consumer: string, dependency: string, reason: string): void {
    const key = keyOf(consumer, dependency);
    const entry = this.held.get(key) ?? { count: 0, reason };
    this.held.set(key, { count: entry.count + 1, reason });
    messagesWaiting.inc({ consumer, dependency });
  }

  /** That message is no longer waiting (settled, or handed back on shutdown). */
  end(consumer: string, dependency: string): void {
    const key = keyOf(consumer, dependency);
    const entry = this.held.get(key);
    if (!entry) return;
    if (entry.count <= 1) this.held.delete(key);
    else this.held.set(key, { ...entry, count: entry.count - 1 });
    messagesWaiting.dec({ consumer, dependency });
  }

  /** Every dependency waited on now, with the consumers waiting and the latest reason. */
  current(): DependencyWait[] {
    const byDependency = new Map<string, DependencyWait>();
    for (const [key, entry] of this.held) {
      const [consumer, dependency] = JSON.parse(key) as [string, string];
      const wait = byDependency.get(dependency) ?? { dependency, consumers: [], reason: entry.reason };
      wait.consumers.push(consumer);
      byDependency.set(dependency, wait);
    }
    return [...byDependency.values()];
  }
}

function keyOf(consumer: string, dependency: string): string {
  return JSON.stringify([consumer, dependency]);
}

/** How many times one stream or consumer is tried before start-up fails. */
const ATTEMPTS = 5;

function isNotFound(error: unknown): boolean {
  return /not found/i.test((error as Error).message ?? '');
}

/**
 * What replicas starting together, or a JetStream cluster still electing leaders, cause: another
 * replica created the object between our lookup and our add, or the API did not answer in time.
 * The next attempt finds the object and updates it instead.
 */
export function isProvisioningRace(error: unknown): boolean {
  const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
  return /already in use|already exists|TIMEOUT|timeout|503|no responders/i.test(text);
}

/** Updates the object when it exists, adds it when not; retries the races {@link isProvisioningRace} names. */
export async function addOrUpdate<T>(ops: { exists(): Promise<T>; update(existing: T): Promise<unknown>; add(): Promise<unknown> }): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      try {
        await ops.update(await ops.exists());
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await ops.add();
      }
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isProvisioningRace(error)) throw error;
    }
  }
}

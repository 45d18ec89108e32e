import { ConsumeOptions, Consumer, ConsumerMessages } from 'nats';

/** Raised when a subscription was not established in time; the caller tries again with a fresh consumer. */
export class ConsumeTimeoutError extends Error {}

/**
 * Starts `consumer.consume(options)` or gives up after `withinMs`. An ordered consumer retries
 * creating itself under the same name for minutes; when the cluster has placed that name on a
 * server that just died, every retry times out. Giving up lets the caller ask again under a new
 * name, which the cluster places afresh. A subscription that still arrives late is closed.
 */
export async function consumeWithin(consumer: Consumer, options: ConsumeOptions, withinMs: number): Promise<ConsumerMessages> {
  const started = consumer.consume(options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConsumeTimeoutError(`no subscription within ${withinMs} ms`)), withinMs);
  });
  try {
    return await Promise.race([started, timedOut]);
  } catch (error) {
    void started.then((late) => late.close()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

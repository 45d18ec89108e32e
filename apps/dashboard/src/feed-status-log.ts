import { Logger } from '@nestjs/common';
import { ConsumerDebugEvents, ConsumerMessages } from 'nats';

/** Routine pull bookkeeping: a pull sent, a pull that expired unfilled, a status the library ignored. */
const ROUTINE: ReadonlySet<string> = new Set([ConsumerDebugEvents.Next, ConsumerDebugEvents.Discard, ConsumerDebugEvents.DebugEvent]);

/**
 * Logs what the client library notices about a subscription (missed heartbeats, consumer not
 * found or deleted, no responders, an ordered consumer reset or recreated), so that a feed the
 * watchdog has to resubscribe leaves a trail of why. Ends when the subscription is closed.
 */
export async function logFeedStatus(messages: ConsumerMessages, logger: Pick<Logger, 'warn' | 'debug'>): Promise<void> {
  for await (const status of await messages.status()) {
    const fields = { msg: 'feed consumer status', type: status.type, data: status.data };
    if (ROUTINE.has(status.type)) logger.debug(fields);
    else logger.warn(fields);
  }
}

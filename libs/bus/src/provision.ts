import { AckPolicy, DeliverPolicy, JetStreamManager, nanos, RetentionPolicy, StorageType } from 'nats';
import { BusNamespace } from './namespace';
import { ConsumerDeclaration, StreamDeclaration } from './topology';

const HOUR_MS = 3_600_000;

function isNotFound(error: unknown): boolean {
  return /not found/i.test((error as Error).message ?? '');
}

/** Creates each stream, or updates it to the declared config when it already exists. */
export async function provisionStreams(
  jsm: JetStreamManager,
  ns: BusNamespace,
  streams: readonly StreamDeclaration[],
): Promise<void> {
  for (const declared of streams) {
    const config = {
      name: ns.stream(declared.name),
      subjects: declared.subjects.map((s) => ns.subject(s)),
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(declared.maxAgeHours * HOUR_MS),
      duplicate_window: nanos(declared.duplicateWindowMinutes * 60_000),
    };
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
}

/**
 * Creates each durable pull consumer, or updates its mutable settings when it exists. The deliver
 * policy only applies on creation: an existing consumer keeps the one it was made with, and its position.
 */
export async function provisionConsumers(
  jsm: JetStreamManager,
  ns: BusNamespace,
  consumers: readonly ConsumerDeclaration[],
): Promise<void> {
  for (const declared of consumers) {
    const stream = ns.stream(declared.stream);
    const config = {
      durable_name: declared.durable,
      filter_subject: ns.subject(declared.filterSubject),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: declared.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      ack_wait: nanos(declared.ackWaitSeconds * 1_000),
      max_deliver: declared.maxDeliver,
      max_ack_pending: Math.max(declared.concurrency * 4, 256),
    };
    try {
      const existing = await jsm.consumers.info(stream, declared.durable);
      await jsm.consumers.update(stream, declared.durable, { ...config, deliver_policy: existing.config.deliver_policy } as typeof config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(stream, config);
    }
  }
}

import { AckPolicy, DeliverPolicy, JetStreamManager, nanos, RetentionPolicy, StorageType } from 'nats';
import { addOrUpdate } from './add-or-update';
import { BusNamespace } from './namespace';
import { ConsumerDeclaration, StreamDeclaration, STREAMS } from './topology';

const HOUR_MS = 3_600_000;

/** Deployment settings that apply to every stream rather than to one declaration. */
export interface StreamPlacement {
  /** Copies kept by a JetStream cluster; consumers inherit it. 1 on a single server. */
  replicas: number;
}

/** Creates each stream, or updates it to the declared config when it already exists. */
export async function provisionStreams(
  jsm: JetStreamManager,
  ns: BusNamespace,
  streams: readonly StreamDeclaration[],
  placement: StreamPlacement = { replicas: 1 },
): Promise<void> {
  for (const declared of streams) {
    const config = {
      name: ns.stream(declared.name),
      subjects: declared.subjects.map((s) => ns.subject(s)),
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      // 0 is JetStream's "no age limit".
      max_age: declared.maxAgeHours === null ? 0 : nanos(declared.maxAgeHours * HOUR_MS),
      ...(declared.maxMessagesPerSubject === undefined ? {} : { max_msgs_per_subject: declared.maxMessagesPerSubject }),
      duplicate_window: nanos(declared.duplicateWindowMinutes * 60_000),
      num_replicas: placement.replicas,
    };
    await addOrUpdate({
      exists: () => jsm.streams.info(config.name),
      update: () => jsm.streams.update(config.name, config),
      add: () => jsm.streams.add(config),
    });
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
      ...(coversWholeStream(declared) ? {} : { filter_subject: ns.subject(declared.filterSubject) }),
      ack_policy: AckPolicy.Explicit,
      ...deliverFrom(declared.deliverPolicy),
      ack_wait: nanos(declared.ackWaitSeconds * 1_000),
      max_deliver: declared.maxDeliver,
      max_ack_pending: Math.max(declared.concurrency * 4, 256),
      ...(declared.inactiveThresholdSeconds === undefined ? {} : { inactive_threshold: nanos(declared.inactiveThresholdSeconds * 1_000) }),
    };
    await addOrUpdate({
      exists: () => jsm.consumers.info(stream, declared.durable),
      // A consumer's deliver policy is fixed at creation: updating keeps it (and its position), and its filter as made.
      update: (existing) => jsm.consumers.update(stream, declared.durable, { ...config, deliver_policy: existing.config.deliver_policy, opt_start_time: existing.config.opt_start_time, filter_subject: existing.config.filter_subject } as typeof config),
      add: () => jsm.consumers.add(stream, config),
    });
  }
}

function deliverFrom(policy: ConsumerDeclaration['deliverPolicy']): { deliver_policy: DeliverPolicy; opt_start_time?: string } {
  if (policy === 'new') return { deliver_policy: DeliverPolicy.New };
  if (policy === 'all') return { deliver_policy: DeliverPolicy.All };
  if (policy === 'last-per-subject') return { deliver_policy: DeliverPolicy.LastPerSubject };
  return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(Date.now() - policy.lastSeconds * 1_000).toISOString() };
}

/**
 * Whether the consumer's filter is its stream's only subject: then it is left off, since NATS 2.9
 * delivers a filtered consumer on a stream of many distinct subjects (one per camera and signal)
 * several times slower than an unfiltered one, for the same messages.
 */
function coversWholeStream(declared: ConsumerDeclaration): boolean {
  // NATS 2.9 refuses last-per-subject without a filter subject ("optional filter subject is not set").
  if (declared.deliverPolicy === 'last-per-subject') return false;
  const stream = Object.values(STREAMS).find((s) => s.name === declared.stream);
  return stream !== undefined && stream.subjects.length === 1 && stream.subjects[0] === declared.filterSubject;
}

import { Envelope } from '@vigil/contracts';

/** A message as a handler sees it: no JetStream types leak past the adapter. */
export interface InboundMessage {
  /** Contract subject (namespace removed). */
  subject: string;
  data: Uint8Array;
  streamSeq: number;
  /** 1 on first delivery. */
  deliveryCount: number;
  /** NATS headers, each with its values. */
  headers: Record<string, string[]>;
  /** Tells JetStream the message is still being worked on, restarting its ack wait. */
  working(): void;
}

/** A message whose body is a CloudEvents envelope that passed its payload schema. */
export interface InboundEvent<T = unknown> extends InboundMessage {
  envelope: Envelope<T>;
}

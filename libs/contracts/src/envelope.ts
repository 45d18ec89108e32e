import { z } from 'zod';

/** The CloudEvents 1.0 structured-mode envelope every Vigil message travels in. */
export interface Envelope<T = unknown> {
  specversion: '1.0';
  /** Unique per event; also the JetStream `Nats-Msg-Id`, so a resend inside the duplicate window is dropped. */
  id: string;
  /** URI-reference of the producer, e.g. `/vigil/ingest`. */
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: T;
}

/** Validates the envelope fields without looking at `data`; payloads are checked by their own schema. */
export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(256),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().optional(),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

/** Builds an envelope; `id` should derive from the source's own message id where one exists. */
export function createEnvelope<T>(fields: {
  id: string;
  source: string;
  type: string;
  data: T;
  subject?: string;
  time?: Date;
}): Envelope<T> {
  return {
    specversion: '1.0',
    id: fields.id,
    source: fields.source,
    type: fields.type,
    time: (fields.time ?? new Date()).toISOString(),
    ...(fields.subject === undefined ? {} : { subject: fields.subject }),
    datacontenttype: 'application/json',
    data: fields.data,
  };
}

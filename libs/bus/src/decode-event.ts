import { Envelope, envelopeSchema, eventByType, EVENTS } from '@vigil/contracts';

/** Either a checked envelope or why the bytes are not one. */
export type DecodeResult = { ok: true; envelope: Envelope } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Parses a CloudEvents envelope and checks its payload against the contract for its type. */
export function decodeEvent(bytes: Uint8Array): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return { ok: false, reason: `not UTF-8 JSON: ${(error as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `not a CloudEvents envelope: ${envelope.error.issues[0].message} at ${envelope.error.issues[0].path.join('.')}` };
  const name = eventByType(envelope.data.type);
  if (!name) return { ok: false, reason: `unknown event type "${envelope.data.type}"` };
  const data = EVENTS[name].schema.safeParse(envelope.data.data);
  if (!data.success) {
    const issue = data.error.issues[0];
    return { ok: false, reason: `invalid ${envelope.data.type} payload: ${issue.message} at data.${issue.path.join('.')}` };
  }
  return { ok: true, envelope: { ...(envelope.data as Envelope), data: data.data } };
}

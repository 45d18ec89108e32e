import { createHash } from 'node:crypto';

/** Characters a Message-ID's left part may hold as they are (RFC 5322 dot-atom, a cautious subset). */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The Message-ID of a delivery: the same on every attempt, so a mail system or a reader that has
 * the first copy (a replica died after the server took it) can tell the second is not news. Its
 * right part is the sender's domain, as RFC 5322 asks; an id with other characters is hashed.
 */
export function messageIdFor(deliveryId: string, from: string): string {
  const left = PLAIN_ID.test(deliveryId) ? deliveryId : createHash('sha256').update(deliveryId).digest('hex').slice(0, 40);
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'vigil.invalid';
  return `<vigil.${left}@${domain}>`;
}

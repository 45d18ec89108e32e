import { timingSafeEqual } from 'node:crypto';

/** Whether a gateway presented the secret configured for it (constant time, unknown gateways refused). */
export function gatewaySecretMatches(secrets: Readonly<Record<string, string>>, gatewayId: string, presented: string | undefined): boolean {
  const expected = Object.prototype.hasOwnProperty.call(secrets, gatewayId) ? secrets[gatewayId] : undefined;
  if (expected === undefined || presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

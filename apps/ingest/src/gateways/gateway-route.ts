import { GATEWAY_KINDS, GatewayFamily, parseGatewaySubject } from '@vigil/contracts';

/** Where a message on `gw.>` goes: its family's normaliser with the subject's gateway as sender, or why nowhere. */
export type GatewayRoute = { ok: true; family: GatewayFamily; gatewayId: string; kind: string } | { ok: false; reason: string };

const FAMILIES = Object.keys(GATEWAY_KINDS) as GatewayFamily[];

/**
 * Routes a gateway subject `gw.<family>.<gatewayId>.<kind>`. Every subject the gateway stream
 * holds gets an answer, so a message on an unknown family or kind is dead-lettered with a reason
 * naming its subject instead of waiting in the stream unread.
 */
export function routeGatewaySubject(subject: string): GatewayRoute {
  const parts = parseGatewaySubject(subject);
  if (!parts || !parts.gatewayId) {
    return { ok: false, reason: `not a gateway subject: "${subject}" (expected gw.<family>.<gatewayId>.<kind>)` };
  }
  const family = FAMILIES.find((known) => known === parts.family);
  if (!family) {
    return { ok: false, reason: `unknown gateway family "${parts.family}" on "${subject}" (expected ${FAMILIES.join(' or ')})` };
  }
  const kinds: readonly string[] = GATEWAY_KINDS[family];
  if (!kinds.includes(parts.kind)) {
    return { ok: false, reason: `unknown ${family} message kind "${parts.kind}" on "${subject}" (expected ${kinds.join(', ')})` };
  }
  return { ok: true, family, gatewayId: parts.gatewayId, kind: parts.kind };
}

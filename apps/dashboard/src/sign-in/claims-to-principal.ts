import { Principal, Role } from '@vigil/auth';

/** One line of the role map: people whose claim holds `value` get `role` and, for role partner, `partner`. */
export interface RoleRule {
  value: string;
  role: Role;
  partner?: string;
}

/** How an identity provider's claims become a Vigil principal. */
export interface RoleMap {
  /** Claim holding the groups or roles; a dotted path reaches nested claims (`realm_access.roles`). */
  claim: string;
  /** Claim naming the person in Vigil's records; `sub` when it is missing. */
  subjectClaim: string;
  roles: RoleRule[];
}

/** Why a signed-in account gets no Vigil session. Also a log field. */
export type RefusalReason = 'no-subject' | 'no-groups-claim' | 'groups-overage' | 'no-matching-group' | 'conflicting-groups';

/** Either the principal an account maps to or why it is refused. */
export type ClaimsMapping = { ok: true; principal: Principal } | { ok: false; reason: RefusalReason };

/**
 * Maps ID token (and userinfo) claims to a principal. Nobody gets a default role: an account
 * matching no rule is refused, and so is one whose groups map to different roles or partners,
 * since guessing which one was meant could show a council another council's incidents.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>, map: RoleMap): ClaimsMapping {
  const subject = stringClaim(claims, map.subjectClaim) ?? stringClaim(claims, 'sub');
  if (!subject) return { ok: false, reason: 'no-subject' };
  const values = claimValues(readPath(claims, map.claim));
  if (!values) return { ok: false, reason: hasOverage(claims, map.claim) ? 'groups-overage' : 'no-groups-claim' };
  const grants = new Map<string, RoleRule>();
  for (const rule of map.roles) if (values.includes(rule.value)) grants.set(`${rule.role}/${rule.partner ?? ''}`, rule);
  if (grants.size === 0) return { ok: false, reason: 'no-matching-group' };
  if (grants.size > 1) return { ok: false, reason: 'conflicting-groups' };
  const [rule] = grants.values();
  return { ok: true, principal: { subject, role: rule.role, ...(rule.role === 'partner' && rule.partner ? { partnerId: rule.partner } : {}) } };
}

function readPath(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stringClaim(claims: Readonly<Record<string, unknown>>, path: string): string | undefined {
  const value = readPath(claims, path);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function claimValues(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

// Entra ID leaves `groups` out and points at Graph (`_claim_names`) when a user is in too many groups.
function hasOverage(claims: Readonly<Record<string, unknown>>, claim: string): boolean {
  const names = claims._claim_names;
  return typeof names === 'object' && names !== null && Object.prototype.hasOwnProperty.call(names, claim);
}

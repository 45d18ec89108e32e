import { createHmac, timingSafeEqual } from 'node:crypto';
import { Principal, Role, ROLES } from './principal';

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Issues a compact HS256 JWT for a principal, valid for `ttlSeconds`. */
export function signToken(principal: Principal, secret: string, ttlSeconds: number, now = new Date()): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const issuedAt = Math.floor(now.getTime() / 1000);
  const payload = base64url(
    JSON.stringify({ sub: principal.subject, role: principal.role, partner: principal.partnerId, iat: issuedAt, exp: issuedAt + ttlSeconds }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Either the principal a token names and when the token expires, or why it was refused. */
export type TokenCheck = { ok: true; principal: Principal; expiresAt: Date } | { ok: false; reason: string };

/** Verifies signature, expiry and shape of a token from {@link signToken}. */
export function verifyToken(token: string, secret: string, now = new Date()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  let claims: { sub?: unknown; role?: unknown; partner?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'token expired' };
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return { ok: false, reason: 'token lacks subject or role' };
  if (claims.role === 'partner' && typeof claims.partner !== 'string') return { ok: false, reason: 'partner token lacks partner' };
  return {
    ok: true,
    principal: { subject: claims.sub, role: claims.role as Role, ...(typeof claims.partner === 'string' ? { partnerId: claims.partner } : {}) },
    expiresAt: new Date(claims.exp * 1000),
  };
}

/** Reads a bearer token from an `Authorization` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

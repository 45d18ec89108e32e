import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed acknowledgement link stands for: this alert, in this firing life, told to this receiver, until then. */
export interface AcknowledgeLinkClaims {
  fingerprint: string;
  /** The alert's version when the link was sent: a link from before a reopening does not acknowledge the new life. */
  version: number;
  receiver: string;
  expiresAt: Date;
}

/** Why a link was refused; the page says it in words. */
export type LinkCheck = { ok: true; claims: AcknowledgeLinkClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
// 128 bits of the HMAC: plenty against forgery, and the link still fits a text message.
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest().subarray(0, 16).toString('base64url');

/** `<claims>.<HMAC-SHA256, first 128 bits>`, both base64url: short enough for an SMS, and nothing in it is secret. */
export function signAcknowledgeLink(claims: AcknowledgeLinkClaims, secret: string): string {
  const body = encode(JSON.stringify({ f: claims.fingerprint, v: claims.version, r: claims.receiver, e: Math.floor(claims.expiresAt.getTime() / 1000) }));
  return `${body}.${sign(secret, body)}`;
}

/** Checks the signature (in constant time) before reading anything, then the expiry. */
export function verifyAcknowledgeLink(token: string, secret: string, now: Date): LinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let raw: { f?: unknown; v?: unknown; r?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof raw;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof raw.f !== 'string' || typeof raw.v !== 'number' || typeof raw.r !== 'string' || typeof raw.e !== 'number') return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(raw.e * 1000);
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { fingerprint: raw.f, version: raw.v, receiver: raw.r, expiresAt } };
}

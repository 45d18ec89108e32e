import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the callback needs from the login request: kept in the browser, not in server memory, so any replica can finish a sign-in. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Name of the cookie carrying a sealed {@link PendingSignIn}. */
export const PENDING_SIGN_IN_COOKIE = 'vigil_sign_in';

/** How long a sign-in may take at the identity provider. */
export const PENDING_SIGN_IN_SECONDS = 600;

// A key of its own, derived from the auth secret, so a sealed cookie can never pass for a token or the other way round.
function cookieKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'vigil', 'pending sign-in cookie', 32));
}

/** Encrypts and authenticates a pending sign-in (AES-256-GCM), valid for {@link PENDING_SIGN_IN_SECONDS}. */
export function sealPendingSignIn(pending: PendingSignIn, secret: string, now = new Date()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cookieKey(secret), iv);
  const body = JSON.stringify({ ...pending, exp: Math.floor(now.getTime() / 1000) + PENDING_SIGN_IN_SECONDS });
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The pending sign-in a cookie carries, or undefined when it is missing, altered, sealed with another secret or expired. */
export function openPendingSignIn(sealed: string | undefined, secret: string, now = new Date()): PendingSignIn | undefined {
  const parts = (sealed ?? '').split('.').map((part) => Buffer.from(part, 'base64url'));
  if (parts.length !== 3 || parts[0].length !== 12 || parts[2].length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cookieKey(secret), parts[0]);
    decipher.setAuthTag(parts[2]);
    const body = JSON.parse(Buffer.concat([decipher.update(parts[1]), decipher.final()]).toString('utf8')) as PendingSignIn & { exp: number };
    if (body.exp * 1000 <= now.getTime()) return undefined;
    return { codeVerifier: body.codeVerifier, state: body.state, nonce: body.nonce };
  } catch {
    return undefined;
  }
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
